package com.produsoft.supportdesk.ticket;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.platform.CaseNames;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * Issue 18, unknown senders: a mail from an address not in the register becomes a ticket without customer (C2.1,
 * flagged for triage). Staff link it to the customer in one step, optionally adding the sender as a contact (role
 * OTHER: not designated, C2.1), in one transaction with the ticket's process: the message
 * {@value TicketMessages#SENDER_IDENTIFIED} makes TicketProcess check the entitlement and decide the priority again
 * (C3.4), which moves the task priority, due dates and SLA timers. Its open tasks are named after the company.
 */
@Service
public class SenderIdentification {

  private final TicketRepository tickets;
  private final CustomerRepository customers;
  private final ContactRepository contacts;
  private final JournalRepository journal;
  private final TicketWords words;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final TicketFacts facts;

  SenderIdentification(TicketRepository tickets, CustomerRepository customers, ContactRepository contacts,
      JournalRepository journal, TicketWords words, RuntimeService runtimeService, TaskService taskService,
      TicketFacts facts) {
    this.taskService = taskService;
    this.facts = facts;
    this.tickets = tickets;
    this.customers = customers;
    this.contacts = contacts;
    this.journal = journal;
    this.words = words;
    this.runtimeService = runtimeService;
  }

  /** A customer not in the register: the staff page shows the choice again with an error. */
  public static class UnknownCustomerException extends RuntimeException {
    public UnknownCustomerException(long customerId) {
      super("No customer #" + customerId);
    }
  }

  /**
   * Links the ticket's sender to the customer; with {@code contactName} the sender's address becomes a contact of
   * the customer (an address already in the register keeps its contact). The ticket keeps what the sender wrote;
   * a company name or phone number it lacks comes from the register.
   */
  @Transactional
  public Ticket link(String eonNumber, long customerId, String contactName, String staffUser) {
    Ticket ticket = tickets.findByEonNumber(eonNumber).orElseThrow(() -> new TicketNotFoundException(eonNumber));
    Customer customer = customers.findById(customerId).orElseThrow(() -> new UnknownCustomerException(customerId));
    List<String> namedAfter = facts.caseReference(eonNumber);
    ticket.setCustomer(customer);
    StringBuilder note = new StringBuilder("Sender " + ticket.getEmail() + " linked to customer "
        + customer.getCompanyName() + " by " + staffUser);
    if (contactName != null && !contactName.isBlank()) {
      Contact contact = contacts.findByEmailIgnoringCase(ticket.getEmail()).orElseGet(() -> {
        note.append("; added as a contact (not designated, C2.1)");
        return contacts.save(new Contact(customer, contactName.strip(), ticket.getEmail(), blankToNull(
            ticket.getPhone()), ContactRole.OTHER));
      });
      ticket.setContact(contact);
    }
    if (ticket.getCompanyName() == null || ticket.getCompanyName().isBlank()) {
      ticket.setCompanyName(customer.getCompanyName());
    }
    if ((ticket.getPhone() == null || ticket.getPhone().isBlank()) && customer.getPhone() != null) {
      ticket.setPhone(customer.getPhone());
    }
    journal.save(new JournalEntry(ticket, EngineClock.now(), JournalEntryType.ENGINEER_NOTE, staffUser, false,
        note.toString()));
    words.index(ticket);
    renameOpenTasks(eonNumber, namedAfter, facts.caseReference(eonNumber));
    if (!ticket.isClosed()) {
      runtimeService.createMessageCorrelation(TicketMessages.SENDER_IDENTIFIED)
          .processInstanceBusinessKey(ticket.getEonNumber())
          .correlateAllWithResult();
    }
    return ticket;
  }

  /** The open tasks of the ticket (and of its bug escalation) are named after the company from now on. */
  private void renameOpenTasks(String eonNumber, List<String> before, List<String> after) {
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(eonNumber).list()) {
      String name = CaseNames.renamed(task.getName(), before, after);
      if (!name.equals(task.getName())) {
        task.setName(name);
        taskService.saveTask(task);
      }
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
