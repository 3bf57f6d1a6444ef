package com.produsoft.supportdesk.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.produsoft.supportdesk.platform.MySqlDatabase;

/** Data the benchmarks share: the customer register's contacts, and copies of a prepared database. */
final class BenchmarkData {

  /** A contact of the customer register: a known sender, a registrant the entitlement check recognises. */
  record KnownContact(String email, String name, String phone, String companyName) {
  }

  private BenchmarkData() {
  }

  static List<KnownContact> knownContacts(Connection connection) throws SQLException {
    List<KnownContact> contacts = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT c.email, c.name, COALESCE(c.phone, cu.phone), cu.company_name"
            + " FROM contact c JOIN customer cu ON cu.id = c.customer_id ORDER BY c.id")) {
      while (rows.next()) {
        contacts.add(new KnownContact(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    if (contacts.isEmpty()) {
      throw new IllegalStateException("The customer register is empty: demo data off?");
    }
    return contacts;
  }

  /**
   * Copies every table of {@code source} (structure with keys and indices, then rows) into the empty
   * {@code target}: the same prepared data for each scenario, in seconds instead of preparing it again.
   */
  static void copy(MySqlDatabase source, MySqlDatabase target) throws SQLException {
    try (Connection from = source.connect(); Connection to = target.connect();
        Statement read = from.createStatement(); Statement write = to.createStatement()) {
      String sourceName = from.getCatalog();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = read.executeQuery("SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      write.execute("SET FOREIGN_KEY_CHECKS = 0");
      for (String table : tables) {
        try (ResultSet create = read.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
          create.next();
          write.execute(create.getString(2));
        }
        write.execute("INSERT INTO `" + table + "` SELECT * FROM `" + sourceName + "`.`" + table + "`");
      }
      write.execute("SET FOREIGN_KEY_CHECKS = 1");
    }
  }
}
