package com.produsoft.supportdesk.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.produsoft.supportdesk.platform.MySqlDatabase;

/**
 * What the database holds after a scenario, counted in SQL against what the clients were told: per acknowledged
 * registration and per delivered mail, found exactly once, duplicated, or lost. A ticket without its process
 * instance counts as lost (half-written), a second instance as a duplicate.
 */
final class Ledger {

  /** One line of the results table. */
  record Row(String scenario, String what, int acknowledged, int found, int duplicated, int lost) {
  }

  /** A mail put into a product mailbox: a new problem, or a reply to the ticket {@code replyTo} (null if new). */
  record SentMail(String messageId, String marker, String replyTo) {
  }

  static final String MARKER_PREFIX = "REL-MAIL-";
  private static final Pattern MARKER = Pattern.compile(MARKER_PREFIX + "[a-z0-9-]+-\\d+");

  private final MySqlDatabase database;

  Ledger(MySqlDatabase database) {
    this.database = database;
  }

  /** Each acknowledged Idempotency-Key: exactly one ticket, with the EON number the client got, one process. */
  Row registrations(String scenario, Collection<RegistrationClients.Ack> acknowledged) throws SQLException {
    Map<String, List<String>> ticketsByKey = new HashMap<>();
    for (List<String> ticket : query("SELECT idempotency_key, eon_number FROM ticket WHERE idempotency_key IS NOT NULL")) {
      ticketsByKey.computeIfAbsent(ticket.get(0), key -> new ArrayList<>()).add(ticket.get(1));
    }
    Map<String, Integer> processes = ticketProcessesByEonNumber();
    int found = 0;
    int duplicated = 0;
    int lost = 0;
    for (RegistrationClients.Ack ack : acknowledged) {
      List<String> tickets = ticketsByKey.getOrDefault(ack.key(), List.of());
      int instances = tickets.stream().mapToInt(eon -> processes.getOrDefault(eon, 0)).sum();
      if (tickets.isEmpty() || instances == 0) {
        lost++;
      } else if (tickets.size() > 1 || instances > 1 || !tickets.get(0).equals(ack.eonNumber())) {
        duplicated++;
      } else {
        found++;
      }
    }
    return new Row(scenario, "API registrations", acknowledged.size(), found, duplicated, lost);
  }

  /** Each delivered mail: one inbound_mail row and exactly one ticket (with its process) or one journal update. */
  Row mails(String scenario, Collection<SentMail> sent) throws SQLException {
    Map<String, Integer> inbound = new HashMap<>();
    query("SELECT message_id FROM inbound_mail").forEach(row -> inbound.merge(row.get(0), 1, Integer::sum));
    Map<String, Integer> processes = ticketProcessesByEonNumber();
    Map<String, Integer> effects = new HashMap<>();
    for (List<String> ticket : query("SELECT eon_number, description FROM ticket WHERE channel = 'MAIL'")) {
      boolean complete = processes.getOrDefault(ticket.get(0), 0) == 1;
      markers(ticket.get(1)).forEach(marker -> effects.merge(marker, complete ? 1 : 0, Integer::sum));
    }
    for (List<String> update : query("SELECT text FROM journal_entry WHERE type = 'CUSTOMER_UPDATE'")) {
      markers(update.get(0)).forEach(marker -> effects.merge(marker, 1, Integer::sum));
    }
    int found = 0;
    int duplicated = 0;
    int lost = 0;
    for (SentMail mail : sent) {
      int rows = inbound.getOrDefault(mail.messageId(), 0);
      int effect = effects.getOrDefault(mail.marker(), 0);
      if (rows == 0 || effect == 0) {
        lost++;
      } else if (rows > 1 || effect > 1) {
        duplicated++;
      } else {
        found++;
      }
    }
    return new Row(scenario, "mails (ticket or update)", sent.size(), found, duplicated, lost);
  }

  /**
   * Nothing half-written: every ticket has exactly one TicketProcess instance and every instance its ticket.
   * Acknowledged = all tickets in the database; lost = tickets without process plus processes without ticket.
   */
  Row wholeTickets(String scenario) throws SQLException {
    Map<String, Integer> processes = ticketProcessesByEonNumber();
    List<String> tickets = ticketEonNumbers();
    Set<String> known = Set.copyOf(tickets);
    int found = 0;
    int duplicated = 0;
    int lost = 0;
    for (String eon : tickets) {
      int instances = processes.getOrDefault(eon, 0);
      if (instances == 1) {
        found++;
      } else if (instances > 1) {
        duplicated++;
      } else {
        lost++;
      }
    }
    lost += (int) processes.keySet().stream().filter(eon -> !known.contains(eon)).count();
    return new Row(scenario, "tickets with exactly one process", tickets.size(), found, duplicated, lost);
  }

  /**
   * An asynchronous step ran exactly once per ticket: its activity completed once in the history and, when it
   * sends a customer mail of {@code mailKind}, one outbound_mail row (null: no mail to count).
   */
  Row stepPerTicket(String scenario, String what, String activityId, String mailKind, Collection<String> eonNumbers)
      throws SQLException {
    Map<String, Integer> completed = countBy("""
        SELECT p.BUSINESS_KEY_ FROM ACT_HI_ACTINST a JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = a.PROC_INST_ID_
        WHERE a.ACT_ID_ = ? AND a.END_TIME_ IS NOT NULL""", activityId);
    Map<String, Integer> mailed = mailKind == null ? null : countBy("""
        SELECT t.eon_number FROM outbound_mail m JOIN ticket t ON t.id = m.ticket_id WHERE m.kind = ?""", mailKind);
    int found = 0;
    int duplicated = 0;
    int lost = 0;
    for (String eon : eonNumbers) {
      int runs = completed.getOrDefault(eon, 0);
      int mails = mailed == null ? runs : mailed.getOrDefault(eon, 0);
      if (runs == 0 || mails == 0) {
        lost++;
      } else if (runs > 1 || mails > 1) {
        duplicated++;
      } else {
        found++;
      }
    }
    return new Row(scenario, what, eonNumbers.size(), found, duplicated, lost);
  }

  /** Journal entries of a type per ticket (SLA warnings, breaches): one each for the tickets named. */
  Row journalPerTicket(String scenario, String what, String type, Collection<String> eonNumbers) throws SQLException {
    Map<String, Integer> entries = countBy("""
        SELECT t.eon_number FROM journal_entry j JOIN ticket t ON t.id = j.ticket_id WHERE j.type = ?""", type);
    int found = (int) eonNumbers.stream().filter(eon -> entries.getOrDefault(eon, 0) == 1).count();
    int duplicated = (int) eonNumbers.stream().filter(eon -> entries.getOrDefault(eon, 0) > 1).count();
    int lost = (int) eonNumbers.stream().filter(eon -> entries.getOrDefault(eon, 0) == 0).count();
    return new Row(scenario, what, eonNumbers.size(), found, duplicated, lost);
  }

  List<String> ticketEonNumbers() throws SQLException {
    return query("SELECT eon_number FROM ticket").stream().map(row -> row.get(0)).toList();
  }

  /** Jobs that are due (or locked by a node that may be dead) and still have retries: work not done yet. */
  int dueJobs() throws SQLException {
    return Integer.parseInt(query("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND (DUEDATE_ IS NULL OR "
        + "DUEDATE_ <= ?)", Timestamp.from(Instant.now())).get(0).get(0));
  }

  int incidents() throws SQLException {
    return Integer.parseInt(query("SELECT COUNT(*) FROM ACT_RU_INCIDENT").get(0).get(0));
  }

  /** Jobs whose failure was recorded (job log), and how many of them succeeded later: retried, not lost. */
  String failedJobs() throws SQLException {
    List<List<String>> failed = query("SELECT DISTINCT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1");
    List<List<String>> succeededLater = query("""
        SELECT DISTINCT f.JOB_ID_ FROM ACT_HI_JOB_LOG f JOIN ACT_HI_JOB_LOG s ON s.JOB_ID_ = f.JOB_ID_
        WHERE f.JOB_STATE_ = 1 AND s.JOB_STATE_ = 2""");
    List<List<String>> waiting = query("SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL");
    return failed.size() + " jobs failed at least once, " + succeededLater.size() + " of them succeeded later, "
        + waiting.get(0).get(0) + " still waiting for a retry";
  }

  /** Successful job executions per node (Camunda's job log records the engine's hostname). */
  Map<String, Integer> jobsPerNode() throws SQLException {
    Map<String, Integer> perNode = new LinkedHashMap<>();
    query("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY HOSTNAME_ ORDER BY HOSTNAME_")
        .forEach(row -> perNode.put(row.get(0), Integer.parseInt(row.get(1))));
    return perNode;
  }

  /** Versions per process and decision definition key: one each after any number of nodes deployed. */
  Map<String, Integer> definitionVersions() throws SQLException {
    Map<String, Integer> versions = new LinkedHashMap<>();
    query("SELECT KEY_, COUNT(*) FROM ACT_RE_PROCDEF GROUP BY KEY_ UNION ALL "
        + "SELECT KEY_, COUNT(*) FROM ACT_RE_DECISION_DEF GROUP BY KEY_")
        .forEach(row -> versions.put(row.get(0), Integer.parseInt(row.get(1))));
    return versions;
  }

  /** Waits until every mail is read and committed and no job is due; false when that did not happen in time. */
  boolean awaitQuiet(Mailboxes mail, Duration limit) throws SQLException, InterruptedException {
    Instant giveUp = Instant.now().plus(limit);
    int quietChecks = 0;
    while (Instant.now().isBefore(giveUp)) {
      quietChecks = mail.unread() == 0 && dueJobs() == 0 ? quietChecks + 1 : 0;
      if (quietChecks == 3) {
        return true;
      }
      Thread.sleep(2000);
    }
    return false;
  }

  private Map<String, Integer> ticketProcessesByEonNumber() throws SQLException {
    return countBy("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?", "TicketProcess");
  }

  private Map<String, Integer> countBy(String sql, Object... parameters) throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    query(sql, parameters).forEach(row -> counts.merge(row.get(0), 1, Integer::sum));
    return counts;
  }

  private static List<String> markers(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = MARKER.matcher(text == null ? "" : text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found.stream().distinct().toList();
  }

  private List<List<String>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(result.getString(c));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
