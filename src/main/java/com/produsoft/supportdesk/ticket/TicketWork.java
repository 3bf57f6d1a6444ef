package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.contract.Entitlement;
import com.produsoft.supportdesk.contract.EntitlementService;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * What the steps of {@code TicketProcess} do to a ticket. The delegates only map process variables to these
 * calls; the rules live here and in the model, the data in our tables.
 */
@Service
@Transactional
public class TicketWork {

  private static final String SYSTEM = "system";
  private static final Set<String> RESOLUTION_DEADLINES = Set.of("resolutionDueAt", "resolutionWarningAt");
  /** Triage outcomes that are corrections: the journal must say why. */
  private static final Set<String> OUTCOMES_WITH_REASON = Set.of("MOVE", Resolution.NO_ACTION.name());
  /**
   * The due date of a stopped clock's timer: the end of time, until the clock runs again. (Suspending the job
   * instead would mix bulk and entity updates of the same job in one transaction, which the engine refuses.)
   */
  static final Date CLOCK_STOPPED = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
  private static final DateTimeFormatter JOURNAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(EngineClock.BRUSSELS);
  private static final Map<Character, String> HTML_ENTITIES =
      Map.of('<', "&lt;", '>', "&gt;", '&', "&amp;", '"', "&quot;");

  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final SlaBreachRepository breaches;
  private final SlaClocks clocks;
  private final EntitlementService entitlements;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ObjectMapper json;
  private final CustomerMails mails;
  private final KnownIssues knownIssues;
  private final WishList wishList;
  private final ApplicationEventPublisher events;
  private final Catalogue catalogue;
  private final Conversation conversation;

  public TicketWork(TicketRepository tickets, JournalRepository journal, SlaBreachRepository breaches,
      SlaClocks clocks, EntitlementService entitlements, TaskService taskService,
      ManagementService managementService, RepositoryService repositoryService, RuntimeService runtimeService,
      ObjectMapper json, CustomerMails mails, KnownIssues knownIssues, WishList wishList,
      ApplicationEventPublisher events,
      Catalogue catalogue, Conversation conversation) {
    this.conversation = conversation;
    this.events = events;
    this.catalogue = catalogue;
    this.runtimeService = runtimeService;
    this.json = json;
    this.mails = mails;
    this.knownIssues = knownIssues;
    this.wishList = wishList;
    this.tickets = tickets;
    this.journal = journal;
    this.breaches = breaches;
    this.clocks = clocks;
    this.entitlements = entitlements;
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
  }

  public Ticket ticket(String eonNumber) {
    return tickets.findByEonNumber(eonNumber).orElseThrow(() -> new TicketNotFoundException(eonNumber));
  }

  /**
   * What an engineer's form shows of a ticket: the C4 items, entitlement, earlier calls and the journal. The forms
   * put these into Markdown text that form-js renders as HTML (and sanitises: a {@code <script>} would vanish), so
   * whatever a customer typed is escaped here to be shown literally, as typed.
   */
  @Transactional(readOnly = true)
  public String factsAsJson(String eonNumber) {
    Ticket ticket = ticket(eonNumber);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("eonNumber", ticket.getEonNumber());
    facts.put("companyName", literal(ticket.getCompanyName()));
    facts.put("contactName", literal(ticket.getContactName()));
    facts.put("email", literal(ticket.getEmail()));
    facts.put("phone", literal(ticket.getPhone()));
    facts.put("product", ticket.getProductCode());
    facts.put("category", ticket.getCategory().name());
    facts.put("priority", ticket.getPriority());
    facts.put("channel", ticket.getChannel().name());
    facts.put("description", literal(ticket.getDescription()));
    facts.put("reproduction", literal(ticket.getReproduction()));
    facts.put("thirdPartySoftware", literal(ticket.getThirdPartySoftware()));
    facts.put("operatingSystem", literal(ticket.getOperatingSystem()));
    facts.put("impact", literal(ticket.getImpact()));
    facts.put("productionStopped", ticket.isProductionStopped());
    // EON numbers keep their hyphens: only HTML's specials are escaped (triage's "duplicate of" is typed text).
    facts.put("earlierCallNumbers", ticket.getEarlierCallNumbers().stream().map(TicketWork::htmlText).toList());
    facts.put("entitlementWarning", ticket.getEntitlementWarning());
    // Issue 18: a sender not in the register is linked to a customer on the page the form links to.
    facts.put("customerKnown", ticket.getCustomer() != null);
    // C7.2, C7.3: what the supplier already knows of this product, to link rather than report again.
    facts.put("knownBugs", knownIssues.openBugs(ticket.getProductCode()));
    facts.put("wishes", knownIssues.openWishes(ticket.getProductCode()));
    facts.put("files", conversation.filesForForms(ticket, TicketWork::literal));
    facts.put("journal", journal.findByTicketOrderByCreatedAtAscIdAsc(ticket).stream()
        .map(entry -> Map.of(
            "at", JOURNAL_TIME.format(entry.getCreatedAt()),
            "author", entry.getAuthor(),
            "text", literal(entry.getText())))
        .toList());
    try {
      return json.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the facts of " + eonNumber, e);
    }
  }

  /**
   * What names the ticket's tasks in Tasklist: its EON number and who it is for, the company, else the contact
   * (a mail from an unknown sender has no company yet).
   */
  @Transactional(readOnly = true)
  public List<String> caseReference(String eonNumber) {
    Ticket ticket = ticket(eonNumber);
    String customer = Stream.of(ticket.getCompanyName(), ticket.getContactName(), ticket.getEmail())
        .filter(name -> name != null && !name.isBlank()).findFirst().orElse("");
    return List.of(ticket.getEonNumber(), customer);
  }

  /**
   * Text that Markdown and HTML show as typed: HTML's specials become entities, and every other ASCII punctuation
   * character is backslash-escaped, which CommonMark allows for all of them ({@code *}, {@code _}, {@code [}, ...).
   */
  static String literal(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars().forEach(c -> {
      String entity = HTML_ENTITIES.get((char) c);
      if (entity != null) {
        out.append(entity);
      } else {
        if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c)) {
          out.append('\\');
        }
        out.append((char) c);
      }
    });
    return out.toString();
  }

  private static String htmlText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(HTML_ENTITIES.getOrDefault((char) c, String.valueOf((char) c))));
    return out.toString();
  }

  /** C1–C3, C2.2: the ticket is registered whatever the answer; the engineer sees the gaps. */
  public Entitlement checkEntitlement(String eonNumber) {
    Ticket ticket = ticket(eonNumber);
    Long customerId = ticket.getCustomer() == null ? null : ticket.getCustomer().getId();
    Entitlement entitlement = entitlements.check(customerId, ticket.getEmail(), ticket.getProductCode(),
        EngineClock.today());
    ticket.setUnderContract(entitlement.underContract());
    ticket.setEntitlementWarning(entitlement.warning());
    return entitlement;
  }

  /**
   * The priority decision's outcome, applied: the SLA clocks start (C6.3). A P1 ticket alerts its team (or its
   * assignee) by mail, once.
   */
  public Map<String, Object> startSlaClocks(String eonNumber, PriorityDecision decision) {
    Ticket ticket = ticket(eonNumber);
    clocks.start(ticket, decision.priority(), decision.firstResponseTarget(), decision.resolutionTarget());
    if (decision.priority() == 1) {
      events.publishEvent(new StaffAttention.PriorityOneTicket(eonNumber));
    }
    return clocks.processVariables(ticket, decision.taskPriority());
  }

  /**
   * The customer learns the EON number and the private status link. A mail ticket's confirmation lists the C4
   * items the mail could not hold (C5.2); a phone caller without urgency is pointed to the web form (C5.3). An
   * automatic confirmation is no answer for the SLA clocks.
   */
  public void sendConfirmation(String eonNumber) {
    Ticket ticket = ticket(eonNumber);
    boolean nonUrgentCall = ticket.getChannel() == Channel.PHONE && !ticket.isProductionStopped();
    mails.send(ticket, nonUrgentCall ? CustomerMails.Kind.WEB_FORM_LINK : CustomerMails.Kind.CONFIRMATION, Map.of());
  }

  /**
   * The engineer's triage, with their name in the journal. A duplicate (C4.3) names an earlier call that exists,
   * a move or a close without action says why: anything else is refused, and Tasklist shows why while the task
   * stays open.
   */
  public void recordTriage(String eonNumber, String outcome, TicketCategory category, String duplicateOf,
      String note, String engineer) {
    Ticket ticket = ticket(eonNumber);
    if (OUTCOMES_WITH_REASON.contains(outcome)) {
      requireReason(note, outcome);
    }
    if (category != null && category != ticket.getCategory()) {
      note(ticket, engineer, "Category changed from " + ticket.getCategory() + " to " + category);
      ticket.setCategory(category);
    }
    if (Resolution.DUPLICATE.name().equals(outcome)) {
      String earlier = earlierCall(ticket, duplicateOf).getEonNumber();
      if (!ticket.getEarlierCallNumbers().contains(earlier)) {
        ticket.getEarlierCallNumbers().add(earlier);
      }
    }
    note(ticket, engineer, "Triage: " + outcome + (note == null || note.isBlank() ? "" : " — " + note));
  }

  /** The earlier call a duplicate is merged into: another ticket, registered before this one. */
  private Ticket earlierCall(Ticket duplicate, String eonNumber) {
    String number = eonNumber == null ? "" : eonNumber.strip();
    Ticket earlier = tickets.findByEonNumber(number).orElseThrow(() -> new IllegalArgumentException(
        "Duplicate of " + number + ": no such EON call number"));
    if (earlier.getId().equals(duplicate.getId()) || earlier.getRegisteredAt().isAfter(duplicate.getRegisteredAt())) {
      throw new IllegalArgumentException("Duplicate of " + number + ": name an earlier call than "
          + duplicate.getEonNumber());
    }
    return earlier;
  }

  /**
   * C5.4: the ticket belongs to another product's team. Answers the process variables of the new team; the journal
   * says who moved it, from where to where, and why. A product of the same team is refused (nothing would move).
   */
  public Map<String, Object> moveToTeam(String eonNumber, String productCode, String reason, String engineer) {
    Ticket ticket = ticket(eonNumber);
    Product from = catalogue.product(ticket.getProductCode()).orElseThrow();
    Product to = catalogue.product(productCode)
        .orElseThrow(() -> new IllegalArgumentException("Move to " + productCode + ": no such product"));
    if (to.getTeamGroup().equals(from.getTeamGroup())) {
      throw new IllegalArgumentException("Move to " + to.getCode() + ": the ticket is already with that team");
    }
    ticket.setProductCode(to.getCode());
    note(ticket, engineer, "Moved from " + from.getCode() + " (" + from.getTeamGroup() + ") to " + to.getCode()
        + " (" + to.getTeamGroup() + "): " + Objects.requireNonNullElse(reason, ""));
    return Map.of("product", to.getCode(), "team", to.getTeamGroup());
  }

  /**
   * A question to the customer is a customer-visible answer; the clocks stop until the reply. A question written on
   * the dossier page ({@code customerMessageId}) goes with its files.
   */
  public void askCustomer(String eonNumber, String question, Long customerMessageId) {
    Ticket ticket = ticket(eonNumber);
    Instant now = EngineClock.now();
    mails.send(ticket, CustomerMails.Kind.QUESTION, Map.of("question", Objects.requireNonNullElse(question, "")),
        conversation.mailedNow(customerMessageId));
    ticket.setStatus(TicketStatus.WAITING_FOR_CUSTOMER);
    clocks.messageSent(ticket, MessageKind.QUESTION, now);
  }

  public void remindCustomer(String eonNumber, int reminder) {
    mails.send(ticket(eonNumber), CustomerMails.Kind.REMINDER, Map.of("reminder", reminder));
  }

  public Map<String, Object> resumeSlaClocks(String eonNumber, int taskPriority) {
    Ticket ticket = ticket(eonNumber);
    clocks.resume(ticket, EngineClock.now());
    ticket.setStatus(TicketStatus.OPEN);
    return clocks.processVariables(ticket, taskPriority);
  }

  /** C5.4/C6.4: the answer by mail, a logged phone call or a planned remote session. */
  public void recordAnswer(String eonNumber, String answer, String answerChannel, Instant remoteSessionAt,
      String engineer) {
    Ticket ticket = ticket(eonNumber);
    String how = remoteSessionAt != null
        ? "Remote session planned for " + JOURNAL_TIME.format(remoteSessionAt)
        : "Answered by " + Objects.requireNonNullElse(answerChannel, "MAIL").toLowerCase();
    messageSent(ticket, how + ": " + answer, EngineClock.now());
    ticket.setResolutionText(answer);
  }

  /**
   * C3.2, C7.3: the suggestion backs a wish of the product's wish list: the one the engineer chose on the triage
   * form, else the wish of the same title (see {@link WishList#back}).
   */
  public void registerSuggestion(String eonNumber, Long wishId) {
    Ticket ticket = ticket(eonNumber);
    WishList.Wish wish = wishList.back(ticket, wishId);
    note(ticket, SYSTEM, "Backs wish #" + wish.getId() + " of the " + ticket.getProductCode() + " wish list: "
        + wish.getTitle());
    messageSent(ticket, "Your suggestion is registered on the " + ticket.getProductCode()
        + " wish list for a next release", EngineClock.now());
  }

  /** A mail to the customer that answers them: it counts as a response for the SLA clocks (C6.4). */
  public void answerByMail(String eonNumber, CustomerMails.Kind kind, Map<String, ?> details) {
    Ticket ticket = ticket(eonNumber);
    mails.send(ticket, kind, details);
    clocks.recordCustomerVisibleAnswer(ticket, EngineClock.now());
  }

  /** The solution, with its files when it was written on the dossier page; the reopen period starts. */
  public void sendSolution(String eonNumber, Long customerMessageId) {
    Ticket ticket = ticket(eonNumber);
    Instant now = EngineClock.now();
    mails.send(ticket, CustomerMails.Kind.SOLUTION, Map.of(), conversation.mailedNow(customerMessageId));
    clocks.messageSent(ticket, MessageKind.SOLUTION, now);
    ticket.setStatus(TicketStatus.SOLUTION_SENT);
  }

  public void reopen(String eonNumber) {
    Ticket ticket = ticket(eonNumber);
    ticket.setResolvedAt(null);
    ticket.setStatus(TicketStatus.OPEN);
    journal.save(new JournalEntry(ticket, EngineClock.now(), JournalEntryType.STATUS_CHANGE, SYSTEM, true,
        "Reopened on the customer's reaction"));
  }

  /**
   * Closes the ticket and tells the customer why. A duplicate (C4.3) is merged into its earlier call
   * {@code duplicateOf}: the customer's mail names it, and the earlier ticket's journal records the registration.
   */
  public void close(String eonNumber, Resolution resolution, String duplicateOf) {
    Ticket ticket = ticket(eonNumber);
    Map<String, Object> details = new HashMap<>();
    if (resolution == Resolution.DUPLICATE) {
      Ticket earlier = earlierCall(ticket, duplicateOf);
      details.put("earlierCall", earlier.getEonNumber());
      journal.save(new JournalEntry(earlier, EngineClock.now(), JournalEntryType.ENGINEER_NOTE, SYSTEM, false,
          "Merged duplicate " + ticket.getEonNumber() + " (" + Objects.requireNonNullElse(ticket.getContactName(), "")
              + ", registered " + JOURNAL_TIME.format(ticket.getRegisteredAt()) + "): " + ticket.getDescription()));
    }
    Instant now = EngineClock.now();
    ticket.setResolution(resolution);
    ticket.setStatus(TicketStatus.CLOSED);
    ticket.setClosedAt(now);
    if (ticket.getResolvedAt() == null) {
      clocks.recordResolution(ticket, now);
    }
    ticket.setPausedSince(null);
    journal.save(new JournalEntry(ticket, now, JournalEntryType.STATUS_CHANGE, SYSTEM, true,
        "Closed: " + resolution + (details.containsKey("earlierCall") ? " of " + details.get("earlierCall") : "")));
    mails.send(ticket, CustomerMails.Kind.CLOSED, details);
  }

  /**
   * 80 % of a target: the people working on the ticket see it on their task and in the journal, and get a mail
   * (the assignee, else the team; once per clock and deadline).
   */
  public void warn(String eonNumber, SlaClock clock, String processInstanceId) {
    Ticket ticket = ticket(eonNumber);
    String text = clock + " deadline approaching: due " + dueAt(ticket, clock);
    journal.save(new JournalEntry(ticket, EngineClock.now(), JournalEntryType.SLA_WARNING, SYSTEM, false, text));
    commentOnOpenTasks(processInstanceId, text);
    events.publishEvent(new StaffAttention.SlaDeadlineApproaching(eonNumber, clock, dueAt(ticket, clock)));
  }

  /**
   * Records a missed deadline once, unless it was met after all (answered meanwhile). Answers whether this is a
   * new breach, which the leads then review; they get a mail about it too.
   */
  public boolean recordBreach(String eonNumber, SlaClock clock, Instant nextUpdateReceivedAt,
      Instant nextUpdateDueAt) {
    Ticket ticket = ticket(eonNumber);
    boolean met = switch (clock) {
      case FIRST_RESPONSE -> ticket.isFirstResponseGiven();
      case RESOLUTION -> ticket.getResolvedAt() != null;
      case NEXT_UPDATE -> journal.existsByTicketAndCustomerVisibleTrueAndTypeAndCreatedAtGreaterThanEqual(
          ticket, JournalEntryType.MESSAGE_SENT, nextUpdateReceivedAt);
    };
    Instant dueAt = clock == SlaClock.NEXT_UPDATE ? nextUpdateDueAt : dueAt(ticket, clock);
    if (met || breaches.existsByTicketAndClockAndDueAt(ticket, clock, dueAt)
        || clock != SlaClock.NEXT_UPDATE && breaches.existsByTicketAndClock(ticket, clock)) {
      return false;
    }
    Instant now = EngineClock.now();
    breaches.save(new SlaBreach(ticket, clock, dueAt, now));
    journal.save(new JournalEntry(ticket, now, JournalEntryType.SLA_BREACH, SYSTEM, false,
        clock + " deadline " + dueAt + " missed"));
    events.publishEvent(new StaffAttention.SlaDeadlineMissed(eonNumber, clock, dueAt));
    return true;
  }

  /** C8.1 the problem happens more often, or other news: the assignee sees it on the task. */
  public void notifyAssignee(String eonNumber, String updateType, String message, String processInstanceId) {
    commentOnOpenTasks(processInstanceId, "Customer update (" + updateType + "): " + message);
  }

  public Instant nextUpdateDue(String eonNumber, Instant updateReceivedAt) {
    return clocks.nextUpdateDue(ticket(eonNumber), updateReceivedAt);
  }

  /**
   * A new priority (C8.1 critical, or set by an engineer, C6.4) moves the ticket's deadlines, the open tasks'
   * priority and due date, and the SLA timers already waiting. The journal says who changed it and why.
   */
  public Map<String, Object> changePriority(String eonNumber, PriorityDecision decision, String processInstanceId,
      String author, String reason) {
    Ticket ticket = ticket(eonNumber);
    Map<Instant, Instant> movedDeadlines = new HashMap<>();
    Instant oldFirstResponse = ticket.getFirstResponseDueAt();
    Instant oldResolution = ticket.getResolutionDueAt();
    Integer oldPriority = ticket.getPriority();
    clocks.applyTargets(ticket, decision.priority(), decision.firstResponseTarget(), decision.resolutionTarget());
    movedDeadlines.put(oldFirstResponse, ticket.getFirstResponseDueAt());
    movedDeadlines.put(oldResolution, ticket.getResolutionDueAt());
    note(ticket, author, "Priority changed from " + oldPriority + " to " + decision.priority() + ": " + reason);

    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      taskService.setPriority(task.getId(), decision.taskPriority());
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      if (movedDeadlines.containsKey(due)) {
        task.setDueDate(Date.from(movedDeadlines.get(due)));
        taskService.saveTask(task);
      }
    }
    Map<String, Object> variables = clocks.processVariables(ticket, decision.taskPriority());
    moveSlaTimers(processInstanceId, variables);
    return variables;
  }

  /** C6.4: a priority an engineer set by hand, which needs a reason. */
  public Map<String, Object> correctPriority(String eonNumber, PriorityDecision decision, String processInstanceId,
      String engineer, String reason) {
    requireReason(reason, "a new priority");
    return changePriority(eonNumber, decision, processInstanceId, engineer, reason);
  }

  private static void requireReason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Give the reason for " + what + " (journal)");
    }
  }

  /** A timer whose date is a plain {@code ${variable}} of the changed deadlines fires at the new date. */
  private void moveSlaTimers(String processInstanceId, Map<String, Object> deadlines) {
    deadlineTimers(processInstanceId).forEach((timer, variable) -> {
      if (deadlines.containsKey(variable)) {
        managementService.setJobDuedate(timer.getId(), (Date) deadlines.get(variable));
      }
    });
  }

  /** The process's timers whose date is a plain {@code ${variable}}, with that variable's name. */
  private Map<Job, String> deadlineTimers(String processInstanceId) {
    Map<Job, String> timers = new HashMap<>();
    for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      String activityId = managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
          .singleResult().getActivityId();
      var element = repositoryService.getBpmnModelInstance(timer.getProcessDefinitionId())
          .getModelElementById(activityId);
      if (element == null) {
        continue;
      }
      element.getChildElementsByType(TimerEventDefinition.class).stream()
          .map(TimerEventDefinition::getTimeDate)
          .filter(Objects::nonNull)
          .map(TimeDate::getTextContent)
          .map(String::strip)
          .filter(expression -> expression.matches("\\$\\{\\w+}"))
          .map(expression -> expression.substring(2, expression.length() - 1))
          .findFirst()
          .ifPresent(variable -> timers.put(timer, variable));
    }
    return timers;
  }

  /**
   * C7.2: while the supplier works on the bug (the customer has a workaround), the resolution clock stands still:
   * the ticket's resolution timers wait at {@link #CLOCK_STOPPED} until the supplier's answer or the fix comes.
   */
  public void pauseForSupplier(String eonNumber) {
    Ticket ticket = ticket(eonNumber);
    if (ticket.getPausedSince() != null) {
      return;
    }
    clocks.pause(ticket, EngineClock.now());
    deadlineTimers(ticket.getProcessInstanceId()).forEach((timer, variable) -> {
      if (RESOLUTION_DEADLINES.contains(variable)) {
        managementService.setJobDuedate(timer.getId(), CLOCK_STOPPED);
      }
    });
    note(ticket, SYSTEM, "Resolution clock stopped while the supplier works on the bug (C7.2)");
  }

  /** The supplier answered or the fix came: the resolution deadline moves by the office time spent waiting. */
  public void resumeAfterSupplier(String eonNumber) {
    Ticket ticket = ticket(eonNumber);
    if (ticket.getPausedSince() == null) {
      return;
    }
    clocks.resume(ticket, EngineClock.now());
    String processInstanceId = ticket.getProcessInstanceId();
    int taskPriority = ((Number) runtimeService.getVariable(processInstanceId, "taskPriority")).intValue();
    Map<String, Object> variables = clocks.processVariables(ticket, taskPriority);
    runtimeService.setVariables(processInstanceId, variables);
    deadlineTimers(processInstanceId).forEach((timer, variable) -> {
      if (RESOLUTION_DEADLINES.contains(variable)) {
        managementService.setJobDuedate(timer.getId(), (Date) variables.get(variable));
      }
    });
    note(ticket, SYSTEM, "Resolution clock running again, due " + JOURNAL_TIME.format(ticket.getResolutionDueAt()));
  }

  private Instant dueAt(Ticket ticket, SlaClock clock) {
    return clock == SlaClock.FIRST_RESPONSE ? ticket.getFirstResponseDueAt() : ticket.getResolutionDueAt();
  }

  private void commentOnOpenTasks(String processInstanceId, String text) {
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      taskService.createComment(task.getId(), processInstanceId, text);
    }
  }

  private void note(Ticket ticket, String author, String text) {
    journal.save(new JournalEntry(ticket, EngineClock.now(), JournalEntryType.ENGINEER_NOTE,
        author == null ? SYSTEM : author, false, text));
  }

  private void messageSent(Ticket ticket, String text, Instant now) {
    journal.save(new JournalEntry(ticket, now, JournalEntryType.MESSAGE_SENT, SYSTEM, true, text));
    clocks.recordCustomerVisibleAnswer(ticket, now);
  }
}
