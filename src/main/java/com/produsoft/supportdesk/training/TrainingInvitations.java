package com.produsoft.supportdesk.training;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * C11.1 and C11.3: one mail per contract customer to its designated contacts (C2.1), in its language. The process
 * invites each customer in an asynchronous step of its own (a job per customer), whose transaction holds the mail's
 * record in {@code training_invitation}: a failed mail retries that customer only, and a customer recorded is never
 * mailed again. No transaction of its own on a second connection (issue 16).
 */
@Component
public class TrainingInvitations {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingInvitations.class);

  private final TrainingSessionRepository sessions;
  private final TrainingInvitationRepository invitations;
  private final ContractCustomers contractCustomers;
  private final ContactRepository contacts;
  private final CustomerRepository customers;
  private final TrainingMails mails;

  public TrainingInvitations(TrainingSessionRepository sessions, TrainingInvitationRepository invitations,
      ContractCustomers contractCustomers, ContactRepository contacts, CustomerRepository customers,
      TrainingMails mails) {
    this.sessions = sessions;
    this.invitations = invitations;
    this.contractCustomers = contractCustomers;
    this.contacts = contacts;
    this.customers = customers;
    this.mails = mails;
  }

  /**
   * The customers to invite who were not invited yet: for a user day every customer (C11.3 "customers receive a
   * personal invitation": contract customers free, the others at the day's fee); for an update training those
   * under a contract covering the released product today (C11.1).
   */
  @Transactional(readOnly = true)
  public List<Long> toInvite(Long sessionId) {
    TrainingSession session = sessions.findById(sessionId).orElseThrow();
    List<Customer> invitees = session.getKind() == TrainingKind.USER_DAY
        ? customers.findAll(Sort.by("id"))
        : contractCustomers.on(EngineClock.today(), session.getProductCode());
    return invitees.stream()
        .map(Customer::getId)
        .filter(customerId -> !invitations.existsBySessionIdAndCustomerId(sessionId, customerId))
        .toList();
  }

  /**
   * Mails the customer's designated contacts and records it, in the caller's transaction, unless it was done before.
   *
   * @return whether a mail went out now
   */
  @Transactional
  public boolean invite(Long sessionId, Long customerId) {
    if (invitations.existsBySessionIdAndCustomerId(sessionId, customerId)) {
      return false;
    }
    TrainingSession session = sessions.findById(sessionId).orElseThrow();
    Customer customer = customers.findById(customerId).orElseThrow();
    List<String> designated = contacts.designatedAddresses(customerId);
    if (designated.isEmpty()) {
      // One customer's missing contacts (C2.1) must not hold back the others' invitations.
      LOG.warn("{} has no designated contact: not invited to training session {}", customer.getCompanyName(),
          sessionId);
      return false;
    }
    mails.invite(session, customer, designated,
        contractCustomers.isUnderContract(customerId, EngineClock.today(), session.getProductCode()));
    invitations.save(new TrainingInvitation(session, customer, EngineClock.now()));
    return true;
  }
}
