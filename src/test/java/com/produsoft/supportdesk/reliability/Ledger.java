package com.produsoft.supportdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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

  /**
   * What every scenario counts: the acknowledged registrations, the delivered mails, whole tickets, and one
   * completed confirmation step with its mail per ticket (an asynchronous step, C5.2).
   */
  List<Row> exactlyOnce(String scenario, Collection<RegistrationClients.Ack> acknowledged,
      Collection<SentMail> mails) throws SQLException {
    List<Row> rows = new ArrayList<>();
    rows.add(registrations(scenario, acknowledged));
    rows.add(mails(scenario, mails));
    rows.add(wholeTickets(scenario));
    rows.add(stepPerTicket(scenario, "async: confirmation step + mail per ticket", "Task_SendConfirmation",
        "CONFIRMATION", ticketEonNumbers()));
    return rows;
  }

  /** The acceptance of issue 11: nothing lost, nothing duplicated, on every row. */
  static void assertExactlyOnce(List<Row> rows) {
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.lost()).as(row.what() + " lost").isZero();
      assertThat(row.duplicated()).as(row.what() + " duplicated").isZero();
    });
  }

  /** How the job executors ended, for the figures under the table. */
  String jobFigures(boolean quiet) throws SQLException {
    return "quiet (mails read, no job due) " + (quiet ? "reached" : "NOT reached") + "; incidents " + incidents()
        + "; " + failedJobs();
  }

  /** Each acknowledged Idempotency-Key: exactly one ticket, with the EON number the client got, one process. */
  Row registrations(String scenario, Collection<RegistrationClients.Ack> acknowledged) throws SQLException {
    Map<String, List<String>> ticketsByKey = new HashMap<>();
    for (List<String> ticket
        : query("SELECT idempotency_key, eon_number FROM ticket WHERE idempotency_key IS NOT NULL")) {
      ticketsByKey.computeIfAbsent(ticket.get(0), key -> new ArrayList<>()).add(ticket.get(1));
    }
    Map<String, Integer> processes = ticketProcessesByEonNumber();
    return tally(scenario, "API registrations", acknowledged.size(), acknowledged.stream().mapToInt(ack -> {
      List<String> tickets = ticketsByKey.getOrDefault(ack.key(), List.of());
      int instances = tickets.stream().mapToInt(eon -> processes.getOrDefault(eon, 0)).sum();
      boolean sameTicket = tickets.size() == 1 && tickets.get(0).equals(ack.eonNumber());
      return instances == 0 ? 0 : sameTicket ? instances : Math.max(2, instances);
    }));
  }

  /** Each delivered mail: one inbound_mail row and exactly one ticket (with its process) or one journal update. */
  Row mails(String scenario, Collection<SentMail> sent) throws SQLException {
    Map<String, Integer> inbound = countBy("SELECT message_id FROM inbound_mail");
    Map<String, Integer> processes = ticketProcessesByEonNumber();
    Map<String, Integer> effects = new HashMap<>();
    for (List<String> ticket : query("SELECT eon_number, description FROM ticket WHERE channel = 'MAIL'")) {
      boolean complete = processes.getOrDefault(ticket.get(0), 0) == 1;
      markers(ticket.get(1)).forEach(marker -> effects.merge(marker, complete ? 1 : 0, Integer::sum));
    }
    for (List<String> update : query("SELECT text FROM journal_entry WHERE type = 'CUSTOMER_UPDATE'")) {
      markers(update.get(0)).forEach(marker -> effects.merge(marker, 1, Integer::sum));
    }
    return tally(scenario, "mails (ticket or update)", sent.size(), sent.stream().mapToInt(mail -> both(
        inbound.getOrDefault(mail.messageId(), 0), effects.getOrDefault(mail.marker(), 0))));
  }

  /**
   * Nothing half-written: every ticket has exactly one TicketProcess instance and every instance its ticket.
   * Acknowledged = all tickets in the database; lost = tickets without process plus processes without ticket.
   */
  Row wholeTickets(String scenario) throws SQLException {
    Map<String, Integer> processes = ticketProcessesByEonNumber();
    List<String> tickets = ticketEonNumbers();
    Set<String> known = Set.copyOf(tickets);
    IntStream perTicket = tickets.stream().mapToInt(eon -> processes.getOrDefault(eon, 0));
    IntStream orphans = processes.keySet().stream().filter(eon -> !known.contains(eon)).mapToInt(eon -> 0);
    return tally(scenario, "tickets with exactly one process", tickets.size(), IntStream.concat(perTicket, orphans));
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
    Map<String, Integer> mailed = mailKind == null ? completed : countBy("""
        SELECT t.eon_number FROM outbound_mail m JOIN ticket t ON t.id = m.ticket_id WHERE m.kind = ?""", mailKind);
    return tally(scenario, what, eonNumbers.size(), eonNumbers.stream()
        .mapToInt(eon -> both(completed.getOrDefault(eon, 0), mailed.getOrDefault(eon, 0))));
  }

  /** Journal entries of a type per ticket (SLA warnings, breaches): one each for the tickets named. */
  Row journalPerTicket(String scenario, String what, String type, Collection<String> eonNumbers) throws SQLException {
    Map<String, Integer> entries = countBy("""
        SELECT t.eon_number FROM journal_entry j JOIN ticket t ON t.id = j.ticket_id WHERE j.type = ?""", type);
    return tally(scenario, what, eonNumbers.size(), eonNumbers.stream().mapToInt(eon -> entries.getOrDefault(eon, 0)));
  }

  /** Two records of one effect (e.g. the step and its mail): none if either is missing, else the larger count. */
  private static int both(int first, int second) {
    return first == 0 || second == 0 ? 0 : Math.max(first, second);
  }

  /** How often each acknowledged item was found: 0 lost, 1 found, more duplicated. */
  private static Row tally(String scenario, String what, int acknowledged, IntStream occurrences) {
    int[] counts = occurrences.toArray();
    return new Row(scenario, what, acknowledged, (int) Arrays.stream(counts).filter(n -> n == 1).count(),
        (int) Arrays.stream(counts).filter(n -> n > 1).count(),
        (int) Arrays.stream(counts).filter(n -> n == 0).count());
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
