package com.produsoft.supportdesk.training;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * C11.1 and C11.3: one mail per contract customer to its designated contacts (C2.1), in its language. Each mail is
 * recorded in {@code training_invitation} in a transaction of its own, so that a step retried after a failed mail
 * sends only the mails still missing.
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
  private final TransactionTemplate ownTransaction;

  public TrainingInvitations(TrainingSessionRepository sessions, TrainingInvitationRepository invitations,
      ContractCustomers contractCustomers, ContactRepository contacts, CustomerRepository customers, TrainingMails mails,
      PlatformTransactionManager transactions) {
    this.sessions = sessions;
    this.invitations = invitations;
    this.contractCustomers = contractCustomers;
    this.contacts = contacts;
    this.customers = customers;
    this.mails = mails;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Invites every customer under contract today (for an update training: covering the released product) who was
   * not invited yet; customers without a contract are not invited (C11.3 reading).
   *
   * @return how many customers were mailed now
   */
  public int inviteContractCustomers(Long sessionId) {
    List<Long> customerIds = ownTransaction.execute(status -> contractCustomers
        .on(EngineClock.today(), sessions.findById(sessionId).orElseThrow().getProductCode()).stream()
        .map(Customer::getId).toList());
    int mailed = 0;
    for (Long customerId : customerIds) {
      Boolean sent = ownTransaction.execute(status -> invite(sessionId, customerId));
      mailed += Boolean.TRUE.equals(sent) ? 1 : 0;
    }
    return mailed;
  }

  private boolean invite(Long sessionId, Long customerId) {
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
    mails.invite(session, customer, designated);
    invitations.save(new TrainingInvitation(session, customer, EngineClock.now()));
    return true;
  }
}
