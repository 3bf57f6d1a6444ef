package com.produsoft.supportdesk.alert;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.mail.Mail;
import com.produsoft.supportdesk.platform.mail.OutboundMails;
import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.Tickets;

/**
 * Mails the staff's alerts waiting in the outbox ({@link StaffAlerts}), after the transaction that raised them, so
 * that a mail server outage never holds up or fails a ticket. Each alert is taken for one attempt at a time
 * ({@link StaffAlertRepository#claim}), which also sets when it is tried again if this attempt fails; after
 * {@code support.alerts.max-attempts} it is given up and logged as an error. An alert older than
 * {@code support.alerts.max-age} when its turn comes is not mailed any more (EXPIRED).
 * <p>
 * Who is mailed is decided when the mail goes out: the engineers assigned to the ticket's tasks of its team, or
 * every member of the team while nobody is; every support lead for a breach. A user is left out who turned this
 * alert off (the preferences page), has no e-mail address in Camunda, or was mailed this alert already. Texts are
 * {@code mail/staff/<kind>_<nl|en>.txt} ({@link OutboundMails}), in the user's chosen language, Dutch by default;
 * the mail comes from the ticket's product mailbox and links to the task in Tasklist and to the preferences page.
 * <p>
 * Runs without a Spring transaction of its own around the mail server: every database step is a short transaction
 * of its own, never one held while talking SMTP.
 */
@Component
public class StaffAlertMailer {

  private static final Logger LOG = LoggerFactory.getLogger(StaffAlertMailer.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(EngineClock.BRUSSELS);
  private static final int MAX_EXCERPT = 600;

  private final StaffAlertRepository alerts;
  private final StaffAlertMailRepository mailed;
  private final AlertPreferenceRepository preferences;
  private final Tickets tickets;
  private final Catalogue catalogue;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final OutboundMails outbound;
  private final AlertProperties properties;
  private final TransactionTemplate transactions;

  public StaffAlertMailer(StaffAlertRepository alerts, StaffAlertMailRepository mailed,
      AlertPreferenceRepository preferences, Tickets tickets, Catalogue catalogue,
      TaskService taskService, IdentityService identityService, OutboundMails outbound, AlertProperties properties,
      PlatformTransactionManager transactionManager) {
    this.alerts = alerts;
    this.mailed = mailed;
    this.preferences = preferences;
    this.tickets = tickets;
    this.catalogue = catalogue;
    this.taskService = taskService;
    this.identityService = identityService;
    this.outbound = outbound;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** A mail to write: to whom, in which language, about which task. */
  record Recipient(String userId, String firstName, String email, String language, String taskId) {
  }

  /** Mails the alerts due now; answers how many were mailed completely. */
  public int sendDue() {
    Instant now = EngineClock.now();
    List<StaffAlert> due = transactions.execute(status -> alerts
        .findTop50ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(StaffAlert.Status.PENDING, now));
    int done = 0;
    for (StaffAlert alert : Objects.requireNonNull(due)) {
      Instant retryAt = now.plus(properties.retryDelay());
      Integer claimed = transactions.execute(status -> alerts.claim(alert.getId(), alert.getAttempts(), retryAt,
          StaffAlert.Status.PENDING));
      if (claimed != null && claimed == 1 && attempt(alert, now)) {
        done++;
      }
    }
    return done;
  }

  private boolean attempt(StaffAlert alert, Instant now) {
    if (alert.getRaisedAt().plus(properties.maxAge()).isBefore(now)) {
      // News of yesterday helps nobody (a long mail outage, or the demo's weeks of history): Tasklist shows it.
      transactions.executeWithoutResult(status -> alerts.finish(alert.getId(), StaffAlert.Status.EXPIRED, null));
      return false;
    }
    try {
      for (Recipient recipient : recipients(alert)) {
        send(alert, recipient);
        transactions.executeWithoutResult(status -> mailed.save(new StaffAlertMail(alerts.getReferenceById(
            alert.getId()), recipient.userId(), recipient.email(), EngineClock.now())));
      }
      transactions.executeWithoutResult(status -> alerts.finish(alert.getId(), StaffAlert.Status.DONE, null));
      return true;
    } catch (RuntimeException e) {
      boolean givenUp = alert.getAttempts() + 1 >= properties.maxAttempts();
      String error = StaffAlert.cut(String.valueOf(e.getMessage()), StaffAlert.MAX_ERROR);
      transactions.executeWithoutResult(status -> alerts.finish(alert.getId(),
          givenUp ? StaffAlert.Status.FAILED : StaffAlert.Status.PENDING, error));
      if (givenUp) {
        LOG.error("Alert {} ({}) given up after {} attempts", alert.getEventKey(), alert.getEonNumber(),
            properties.maxAttempts(), e);
      } else {
        LOG.warn("Alert {} not sent, tried again in {}: {}", alert.getEventKey(), properties.retryDelay(),
            e.getMessage());
      }
      return false;
    }
  }

  /** Who gets this alert now: the audience, less who turned it off, has no address or was mailed it already. */
  List<Recipient> recipients(StaffAlert alert) {
    Ticket ticket = tickets.findByEonNumber(alert.getEonNumber()).orElseThrow();
    String team = catalogue.teamGroup(ticket.getProductCode());
    Set<String> alreadyMailed = mailed.userIdsMailed(alert.getId());
    List<Task> tasks = alert.getKind().audience() == AlertKind.Audience.LEADS
        ? tasksOf(alert.getEonNumber(), Roles.SUPPORT_LEADS)
        : tasksOf(alert.getEonNumber(), team);
    Set<String> assignees = new LinkedHashSet<>();
    tasks.stream().map(Task::getAssignee).filter(Objects::nonNull).forEach(assignees::add);
    List<User> users = alert.getKind().audience() == AlertKind.Audience.LEADS
        ? identityService.createUserQuery().memberOfGroup(Roles.SUPPORT_LEADS).list()
        : assignees.isEmpty()
            ? identityService.createUserQuery().memberOfGroup(team).list()
            : identityService.createUserQuery().userIdIn(assignees.toArray(String[]::new)).list();
    List<Recipient> recipients = new ArrayList<>();
    for (User user : users) {
      AlertPreference preference = preferences.of(user.getId());
      if (user.getEmail() == null || user.getEmail().isBlank() || !preference.wants(alert.getKind())
          || alreadyMailed.contains(user.getId())) {
        continue;
      }
      String taskId = tasks.stream().filter(task -> user.getId().equals(task.getAssignee())).findFirst()
          .or(() -> tasks.stream().findFirst()).map(Task::getId).orElse(null);
      recipients.add(new Recipient(user.getId(), user.getFirstName(), user.getEmail(),
          preference.getLanguage().name().toLowerCase(Locale.ROOT), taskId));
    }
    return recipients;
  }

  /** The ticket's open tasks of a group (its process and the bug escalation it calls), most urgent first. */
  private List<Task> tasksOf(String eonNumber, String group) {
    return taskService.createTaskQuery().processInstanceBusinessKey(eonNumber).taskCandidateGroup(group)
        .includeAssignedTasks().orderByTaskPriority().desc().orderByDueDate().asc().list();
  }

  private void send(StaffAlert alert, Recipient recipient) {
    outbound.send(Objects.requireNonNull(transactions.execute(status -> write(alert, recipient))));
  }

  /**
   * The alert's mail in the recipient's language, with the ticket, the event and the links, from the ticket's
   * product mailbox. An alert is no customer mail: it is automatic, so an out-of-office reply to it never becomes a
   * ticket.
   */
  private Mail write(StaffAlert alert, Recipient recipient) {
    Ticket ticket = tickets.findByEonNumber(alert.getEonNumber()).orElseThrow();
    Product product = catalogue.product(ticket.getProductCode()).orElseThrow();
    Map<String, Object> facts = new HashMap<>();
    facts.put("firstName", Objects.requireNonNullElse(recipient.firstName(), recipient.userId()));
    facts.put("eonNumber", ticket.getEonNumber());
    facts.put("companyName", blankAs(ticket.getCompanyName(), "?"));
    facts.put("contactName", blankAs(ticket.getContactName(), "?"));
    facts.put("phone", blankAs(ticket.getPhone(), "?"));
    facts.put("email", blankAs(ticket.getEmail(), "?"));
    facts.put("product", product.getName());
    facts.put("priority", ticket.getPriority() == null ? "?" : "P" + ticket.getPriority());
    facts.put("description", StaffAlert.cut(blankAs(ticket.getDescription(), ""), MAX_EXCERPT));
    // The news's text, or the SLA clock (FIRST_RESPONSE, RESOLUTION, NEXT_UPDATE).
    facts.put("detail", StaffAlert.cut(blankAs(alert.getDetail(), ""), MAX_EXCERPT));
    facts.put("firstResponseDue", format(ticket.getFirstResponseDueAt()));
    facts.put("resolutionDue", format(ticket.getResolutionDueAt()));
    facts.put("taskUrl", properties.taskUrl(recipient.taskId()));
    facts.put("preferencesUrl", properties.preferencesUrl());
    return Mail.from(product.getSupportMailbox(), "Produsoft Support Desk", "staff/" + alert.getKind().templateName(),
        Locale.forLanguageTag(recipient.language())).to(recipient.email()).with(facts).about(ticket.getEonNumber())
        .automatic("auto-generated").closing(Mail.Closing.NOTICE);
  }

  private static String format(Instant instant) {
    return instant == null ? "?" : TIME.format(instant);
  }

  private static String blankAs(String text, String otherwise) {
    return text == null || text.isBlank() ? otherwise : text;
  }
}
