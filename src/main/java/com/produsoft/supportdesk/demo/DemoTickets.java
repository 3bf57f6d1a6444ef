package com.produsoft.supportdesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.security.AccessRights;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketService;

/**
 * A few weeks of support work for the demo, so that Tasklist holds tickets in every state and the managers'
 * dashboard in Cockpit has figures: tickets on the three channels (C5) and in the three categories (C7), answered
 * in time or late (C6), waiting for the customer, open and overdue, bugs waiting on Hexagon, Camtek and Ansys
 * (C7.2), a suggestion (C7.3). Everything goes through the real services and processes, at the moment it happens
 * in the story: the engine's clock is set to each moment, and the jobs due by then run as the job executor would
 * (it starts only after the application runners). Moments are office days before the day of seeding, so the story
 * holds whenever the demo starts; steps that would lie in the future are left for the engineers.
 *
 * <p>Seeded once, into a desk without tickets; {@code support.demo-data.tickets=false} leaves it out (the tests'
 * default: they make their own tickets).
 */
@Component
@Order(AccessRights.ORDER + 4)
@ConditionalOnProperty(prefix = "support.demo-data", name = {"enabled", "tickets"}, havingValue = "true")
public class DemoTickets implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTickets.class);

  private final TicketService tickets;
  private final TicketRepository ticketRepository;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final OfficeHours officeHours;

  public DemoTickets(TicketService tickets, TicketRepository ticketRepository, TaskService taskService,
      ManagementService managementService, IdentityService identityService, OfficeHours officeHours) {
    this.tickets = tickets;
    this.ticketRepository = ticketRepository;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.officeHours = officeHours;
  }

  /** One thing that happens to the demo tickets at a moment. */
  private record Step(Instant at, Runnable action) {
  }

  /** A demo ticket: when it is registered, and its EON number once it is. */
  private static final class Registration {
    private final Instant at;
    private String eon;

    Registration(Instant at) {
      this.at = at;
    }
  }

  /** Who writes: a demo contact of the register, recognised by the address (DemoRegister). */
  private record Customer(String company, String contact, String email, String language) {
  }

  private static final Customer VANDAMME = new Customer("Metaalwerken Vandamme NV", "Jan Vandamme",
      "jan.vandamme@vandamme.example", "nl");
  private static final Customer DE_SMET = new Customer("Matrijzenbouw De Smet BV", "Pieter De Smet",
      "pieter.desmet@desmet-matrijzen.example", "nl");
  private static final Customer PEETERS = new Customer("Plaatbewerking Peeters BV", "Wim Peeters",
      "wim.peeters@peeters-plaat.example", "nl");
  private static final Customer WAVRE = new Customer("Precision Parts Wavre SA", "Olivier Dubois",
      "olivier.dubois@ppwavre.example", "en");
  private static final Customer MAES = new Customer("Lasertechniek Maes BV", "Bart Maes",
      "bart.maes@maes-laser.example", "nl");
  private static final Customer WOUTERS = new Customer("Draaierij Wouters NV", "Frank Wouters",
      "frank.wouters@wouters-draaierij.example", "nl");
  private static final Customer CLAES = new Customer("Draadvonkerij Claes BV", "Stijn Claes",
      "stijn.claes@claes-draadvonk.example", "nl");
  private static final Customer LAMBERT = new Customer("Ateliers Mécaniques Lambert SA", "Julien Lambert",
      "julien.lambert@ateliers-lambert.example", "en");
  private static final Customer JANSSENS = new Customer("Kunststoffen Janssens NV", "Tine Janssens",
      "tine.janssens@janssens-kunststoffen.example", "nl");
  private static final Customer GOOSSENS = new Customer("Machinebouw Goossens BV", "Dirk Goossens",
      "dirk.goossens@goossens-machinebouw.example", "nl");

  private final List<Step> steps = new ArrayList<>();
  private final Instant now = Instant.now();

  @Override
  public void run(ApplicationArguments args) {
    if (ticketRepository.count() > 0) {
      return;
    }
    story();
    steps.sort(Comparator.comparing(Step::at));
    try {
      for (Step step : steps) {
        if (step.at().isAfter(now)) {
          continue;
        }
        ClockUtil.setCurrentTime(Date.from(step.at()));
        runDueJobs();
        step.action().run();
        runDueJobs();
      }
    } finally {
      ClockUtil.reset();
    }
    // Up to now: the desk starts in a settled state, nothing overdue left for the job executor's first seconds.
    runDueJobs();
    LOG.info("Demo tickets: {} registered", ticketRepository.count());
  }

  private void story() {
    // Two months ago and more: bugs still waiting for the supplier's fix.
    bug(VANDAMME, "EDGECAM", Channel.WEB, 70, "09:40", "Simulation hangs on 5-axis swarf cut",
        "HXGN-19730", "2027.1");
    bug(LAMBERT, "SPACECLAIM", Channel.WEB, 35, "14:10", "Crash when exporting a sheet-metal body to STEP",
        "ANS-55120", "2027 R1");
    // Last month.
    answered(DE_SMET, "VISI", Channel.WEB, 30, "10:05", "Electrode wizard greys out the spark gap",
        minutes(120));
    answered(PEETERS, "RADAN", Channel.MAIL, 25, "13:20", "Nesting leaves a 40 mm gap at the sheet edge",
        office(1, 60));
    answered(WOUTERS, "WORKNC", Channel.WEB, 22, "09:15", "Toolpath calculation slower since the update",
        minutes(200));
    // The last three weeks.
    answered(VANDAMME, "EDGECAM", Channel.PHONE, 16, "08:50", "Post processor stops at tool change, machine idle",
        minutes(35));
    answered(DE_SMET, "VISI", Channel.MAIL, 15, "10:20", "Licence server not found after a Windows update",
        minutes(90));
    bug(PEETERS, "RADAN", Channel.WEB, 14, "14:05", "Common-line cutting ignores the lead-in setting",
        "HXGN-20817", "2027.1");
    answered(CLAES, "PEPS", Channel.PHONE, 13, "08:45", "Wire EDM post writes wrong taper angles, production stopped",
        minutes(20));
    suggestion(LAMBERT, "SPACECLAIM", 12, "11:30", "Remember the last export folder per project");
    answered(WAVRE, "EDGECAM", Channel.MAIL, 12, "15:20", "Stock model not updated after a rest-machining cycle",
        office(3, 30));
    answered(JANSSENS, "VISI", Channel.WEB, 11, "09:00", "How to mirror a mould insert with its cooling channels",
        minutes(45));
    bug(DE_SMET, "WORKNC", Channel.WEB, 10, "13:30", "Z-level finishing gouges on steep walls", "HXGN-20902", null);
    answered(MAES, "RADAN", Channel.MAIL, 8, "10:00", "Bend deduction table is ignored for 3 mm stainless",
        minutes(240));
    answered(GOOSSENS, "EDGECAM", Channel.WEB, 7, "09:30", "Question about upgrading from the 2023 release",
        office(2, 0));
    bug(CLAES, "PEPS", Channel.WEB, 6, "14:00", "Crash when opening a job saved by the previous version", null,
        null);
    asked(LAMBERT, "SPACECLAIM", Channel.MAIL, 5, "10:15", "Cannot repair imported surfaces",
        "Could you send us the STEP file and the SpaceClaim build number?");
    answered(VANDAMME, "EDGECAM", Channel.WEB, 4, "11:00", "How to add a second probe cycle to the template",
        minutes(60));
    asked(DE_SMET, "VISI", Channel.WEB, 3, "09:20", "Drawing views lose their dimensions",
        "Which VISI version and which drawing template do you use?");
    answered(PEETERS, "RADAN", Channel.PHONE, 2, "08:35", "Punch press stops with a turret error", minutes(15));
    open(JANSSENS, "SPACECLAIM", Channel.WEB, 2, "13:10", "Pull tool does not offset a fillet face");
    bug(WAVRE, "EDGECAM", Channel.WEB, 1, "10:00", "Thread milling cycle ignores the pitch on metric threads",
        null, null);
    open(MAES, "RADAN", Channel.WEB, 1, "14:30", "Remnant sheets missing from the stock list");
    open(CLAES, "PEPS", Channel.MAIL, 0, "08:40", "Question about the new licence file");
    open(VANDAMME, "EDGECAM", Channel.PHONE, 0, "09:05",
        "Machine stopped: the post processor crashes on every program");
  }

  // --- what happens to a ticket ----------------------------------------------------------------------------------

  /** Registered, then answered by the team after {@code answerAfter} office time; the solution closes it later. */
  private void answered(Customer customer, String product, Channel channel, int officeDaysAgo, String time,
      String problem, Duration answerAfter) {
    Registration registered = registration(customer, product, "SUPPORT", channel, officeDaysAgo, time, problem);
    Instant answered = officeHours.addOfficeTime(registered.at, answerAfter);
    triage(registered, officeHours.addOfficeTime(registered.at, answerAfter.dividedBy(3)), product, "SUPPORT",
        Map.of());
    then(answered, () -> complete(registered, product, "Task_AnswerQuestion", Map.of(
        "answer", "Solved on the phone: see the steps in our mail.", "answerChannel", "PHONE")));
  }

  /** Triaged within the hour with a question to the customer, who has not answered yet. */
  private void asked(Customer customer, String product, Channel channel, int officeDaysAgo, String time,
      String problem, String question) {
    Registration registered = registration(customer, product, "SUPPORT", channel, officeDaysAgo, time, problem);
    Map<String, Object> variables = new HashMap<>();
    variables.put("triageOutcome", "ASK_CUSTOMER");
    variables.put("category", "SUPPORT");
    variables.put("questionToCustomer", question);
    then(officeHours.addOfficeTime(registered.at, Duration.ofMinutes(50)),
        () -> complete(registered, product, "Task_TriageTicket", variables));
  }

  /** Registered and not yet looked at. */
  private void open(Customer customer, String product, Channel channel, int officeDaysAgo, String time,
      String problem) {
    registration(customer, product, "SUPPORT", channel, officeDaysAgo, time, problem);
  }

  /** A suggestion (C7.3), put on the product's wish list at triage. */
  private void suggestion(Customer customer, String product, int officeDaysAgo, String time, String wish) {
    Registration registered = registration(customer, product, "SUGGESTION", Channel.WEB, officeDaysAgo, time, wish);
    triage(registered, officeHours.addOfficeTime(registered.at, Duration.ofHours(2)), product, "SUGGESTION", Map.of());
  }

  /**
   * C7.2: reproduced the next office day, workaround given, reported to the supplier; five office days later the
   * engineer follows up and notes the supplier's case number, and the planned fix version when there is one.
   */
  private void bug(Customer customer, String product, Channel channel, int officeDaysAgo, String time,
      String problem, String supplierCase, String fixVersion) {
    Registration registered = registration(customer, product, "BUG", channel, officeDaysAgo, time, problem);
    triage(registered, officeHours.addOfficeTime(registered.at, Duration.ofMinutes(40)), product, "BUG", Map.of());
    Instant reproduced = officeHours.addOfficeTime(registered.at, Duration.ofHours(8));
    then(reproduced, () -> complete(registered, product, "Task_ReproduceBug", Map.of("bugSummary", problem,
        "reproductionSteps", "1. Open the customer's part\n2. Run the operation as described",
        "affectedVersions", product + " 2025.1")));
    then(reproduced.plusSeconds(600), () -> complete(registered, product, "Task_ProvideWorkaround",
        Map.of("workaround", "Until the fix: run the operation in two passes.")));
    if (supplierCase != null) {
      then(officeHours.addOfficeDays(reproduced, 5).plus(Duration.ofHours(1)), () -> {
        Map<String, Object> answer = new HashMap<>();
        answer.put("supplierOutcome", fixVersion == null ? "NONE" : "FIX_PLANNED");
        answer.put("supplierReference", supplierCase);
        answer.put("targetVersion", fixVersion);
        answer.put("supplierAnswerNote", "Confirmed by the supplier's support.");
        complete(registered, product, "Task_FollowUpSupplier", answer);
      });
    }
  }

  private void triage(Registration registered, Instant at, String product, String category,
      Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(more);
    variables.put("triageOutcome", "HANDLE");
    variables.put("category", category);
    then(at, () -> complete(registered, product, "Task_TriageTicket", variables));
  }

  /** Registers at the given time, on the given office day back from today. */
  private Registration registration(Customer customer, String product, String category, Channel channel,
      int officeDaysAgo, String time, String problem) {
    Registration registration = new Registration(
        officeDay(officeDaysAgo).atTime(LocalTime.parse(time)).atZone(EngineClock.BRUSSELS).toInstant());
    TicketRegistration form = new TicketRegistration(customer.company(), customer.contact(), customer.email(),
        "+32 50 72 95 00", product, category, problem, "Happens every time on the customer's files.", null,
        "Windows 11 23H2", null, null, channel == Channel.PHONE, customer.language());
    then(registration.at, () -> registration.eon = tickets.register(form, channel, null).ticket().getEonNumber());
    return registration;
  }

  private void then(Instant at, Runnable action) {
    steps.add(new Step(at, action));
  }

  /** Completes the ticket's task as an engineer of the product's team does in Tasklist. */
  private void complete(Registration registered, String product, String taskKey, Map<String, Object> variables) {
    String eon = registered.eon;
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(eon).taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      LOG.warn("Demo tickets: {} has no task {} at {}", eon, taskKey, EngineClock.now());
      return;
    }
    String team = product.toLowerCase();
    identityService.setAuthentication("engineer." + team, List.of("support-" + team));
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** What the job executor would have done by now: timers that fell due, mails, asynchronous steps. */
  private void runDueJobs() {
    Set<String> tried = new HashSet<>();
    List<Job> due;
    while (!(due = managementService.createJobQuery().executable().list().stream()
        .filter(job -> !tried.contains(job.getId())).toList()).isEmpty()) {
      for (Job job : due) {
        tried.add(job.getId());
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException e) {
          // Left to the job executor's retries, as any failing job.
          LOG.debug("Demo tickets: job {} failed: {}", job.getId(), e.getMessage());
        }
      }
    }
  }

  private LocalDate officeDay(int officeDaysAgo) {
    LocalDate day = LocalDate.ofInstant(now, EngineClock.BRUSSELS);
    for (int back = officeDaysAgo; back > 0 || !officeHours.isWorkingDay(day); ) {
      day = day.minusDays(1);
      if (officeHours.isWorkingDay(day)) {
        back--;
      }
    }
    return day;
  }

  /** Office days and minutes, as a delay. */
  private static Duration office(int days, int minutes) {
    return Duration.ofHours(8L * days).plusMinutes(minutes);
  }

  private static Duration minutes(int minutes) {
    return Duration.ofMinutes(minutes);
  }
}
