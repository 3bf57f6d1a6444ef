package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * What the steps of {@code TicketProcess} do with the customer: they answer, ask, remind, solve, reopen and close.
 * The ticket changes state through its own methods; {@link SlaClocks} takes each answer as the charter says (C6.4).
 * Triage, SLA timers and alarms and the task forms' facts are {@link TicketTriage}'s, {@link SlaTimers}', {@link
 * SlaWatch}'s and {@link TicketFacts}'.
 */
@Service
@Transactional
public class TicketWork {

  private static final String SYSTEM = "system";

  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final SlaClocks clocks;
  private final CustomerMails mails;
  private final Conversation conversation;
  private final WishList wishList;

  TicketWork(TicketRepository tickets, JournalRepository journal, SlaClocks clocks, CustomerMails mails,
      Conversation conversation, WishList wishList) {
    this.tickets = tickets;
    this.journal = journal;
    this.clocks = clocks;
    this.mails = mails;
    this.conversation = conversation;
    this.wishList = wishList;
  }

  public Ticket ticket(String eonNumber) {
    return tickets.byEonNumber(eonNumber);
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
   * A question to the customer is a customer-visible answer; the clocks stop until the reply. A question written on
   * the dossier page ({@code customerMessageId}) goes with its files.
   */
  public void askCustomer(String eonNumber, String question, Long customerMessageId) {
    Ticket ticket = ticket(eonNumber);
    Instant now = EngineClock.now();
    mails.send(ticket, CustomerMails.Kind.QUESTION, Map.of("question", Objects.requireNonNullElse(question, "")),
        conversation.mailedNow(customerMessageId));
    ticket.waitForCustomer();
    clocks.messageSent(ticket, MessageKind.QUESTION, now);
  }

  public void remindCustomer(String eonNumber, int reminder) {
    mails.send(ticket(eonNumber), CustomerMails.Kind.REMINDER, Map.of("reminder", reminder));
  }

  /** C5.4/C6.4: the answer by mail, a logged phone call or a planned remote session. */
  public void recordAnswer(String eonNumber, String answer, String answerChannel, Instant remoteSessionAt,
      String engineer) {
    Ticket ticket = ticket(eonNumber);
    String how = remoteSessionAt != null
        ? "Remote session planned for " + JournalEntry.TIME.format(remoteSessionAt)
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
    journal.note(ticket, SYSTEM, "Backs wish #" + wish.getId() + " of the " + ticket.getProductCode()
        + " wish list: " + wish.getTitle());
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
    ticket.solutionSent();
  }

  public void reopen(String eonNumber) {
    Ticket ticket = ticket(eonNumber);
    ticket.reopenAfterSolution();
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
      Ticket earlier = tickets.earlierCall(ticket, duplicateOf);
      details.put("earlierCall", earlier.getEonNumber());
      journal.note(earlier, SYSTEM, "Merged duplicate " + ticket.getEonNumber() + " ("
          + Objects.requireNonNullElse(ticket.getContactName(), "") + ", registered "
          + JournalEntry.TIME.format(ticket.getRegisteredAt()) + "): " + ticket.getDescription());
    }
    Instant now = EngineClock.now();
    if (ticket.getResolvedAt() == null) {
      clocks.recordResolution(ticket, now);
    }
    ticket.close(resolution, now);
    journal.save(new JournalEntry(ticket, now, JournalEntryType.STATUS_CHANGE, SYSTEM, true,
        "Closed: " + resolution + (details.containsKey("earlierCall") ? " of " + details.get("earlierCall") : "")));
    mails.send(ticket, CustomerMails.Kind.CLOSED, details);
  }

  private void messageSent(Ticket ticket, String text, Instant now) {
    journal.save(new JournalEntry(ticket, now, JournalEntryType.MESSAGE_SENT, SYSTEM, true, text));
    clocks.recordCustomerVisibleAnswer(ticket, now);
  }
}
