package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.platform.mail.Mail;
import com.produsoft.supportdesk.platform.mail.OutboundMails;

/**
 * The contract's letters to the customer's designated contacts (C2.1: system responsible and deputy), from
 * info@produsoft.com, in the customer's language. The texts are {@code mail/contract/<letter>_<nl|en>.txt}, written
 * and sent by {@link OutboundMails}.
 */
@Component
public class ContractLetters {

  public static final String FROM = "info@produsoft.com";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final OutboundMails mails;
  private final ContactRepository contacts;

  public ContractLetters(OutboundMails mails, ContactRepository contacts) {
    this.mails = mails;
    this.contacts = contacts;
  }

  /** C1.4: the contract renews on the day after its period; until the deadline the customer may stop it. */
  public void renewalReminder(MaintenanceContract contract) {
    send(contract, "renewal-reminder", Map.of(
        "renewsOn", DAY.format(contract.getCurrentPeriodEnd().plusDays(1)),
        "deadline", DAY.format(contract.cancellationDeadline())), null);
  }

  /** C1.3: the proof of renewal, attached as PDF. */
  public void proofOfRenewal(RenewalProof proof) {
    send(proof.getContract(), "proof-of-renewal", Map.of(), proof);
  }

  /** C1.4, C3: the cancellation is confirmed with the last covered day and the benefits that stop after it. */
  public void cancellationConfirmation(MaintenanceContract contract) {
    send(contract, "cancellation-confirmation", Map.of(
        "receivedOn", DAY.format(contract.getCancellationReceivedOn()),
        "endsOn", DAY.format(contract.getEndsOn())), null);
  }

  /** C1.5: the offer to take the contract again, with its reinstatement fee. */
  public void reinstatementQuote(ReinstatementQuote quote) {
    send(quote.getContract(), "reinstatement-quote", Map.of(
        "fee", quote.getFeeEur(),
        "validUntil", DAY.format(quote.getValidUntil())), null);
  }

  private void send(MaintenanceContract contract, String letter, Map<String, Object> facts, RenewalProof proof) {
    Customer customer = contract.getCustomer();
    List<String> recipients = contacts.designatedAddresses(customer.getId());
    if (recipients.isEmpty()) {
      throw new IllegalStateException(customer.getCompanyName() + " has no designated contact to send the "
          + letter + " of " + contract.getContractNumber() + " to (C2.1)");
    }
    Map<String, Object> model = new HashMap<>(commonFacts(contract));
    model.putAll(facts);
    mails.send(Mail.from(FROM, "Produsoft", "contract/" + letter,
        Locale.forLanguageTag(customer.getLanguage().written().name())).to(recipients).with(model)
        .attach(proof == null ? List.of()
            : List.of(new Mail.File(proof.fileName(), "application/pdf", proof.getPdf()))));
  }

  private static Map<String, Object> commonFacts(MaintenanceContract contract) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("companyName", contract.getCustomer().getCompanyName());
    facts.put("contractNumber", contract.getContractNumber());
    facts.put("periodStart", format(contract.getCurrentPeriodStart()));
    facts.put("periodEnd", format(contract.getCurrentPeriodEnd()));
    return facts;
  }

  private static String format(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }
}
