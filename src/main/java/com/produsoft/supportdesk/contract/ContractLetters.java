package com.produsoft.supportdesk.contract;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.platform.mail.TextMailTemplates;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The contract's letters to the customer's designated contacts (C2.1: system responsible and deputy), from
 * info@produsoft.com, in the customer's language. The texts are Thymeleaf text templates in
 * {@code mail/contract/<letter>_<nl|en>.txt}; their first line is the subject.
 */
@Component
public class ContractLetters {

  public static final String FROM = "info@produsoft.com";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ObjectProvider<JavaMailSender> mailSender;
  private final ContactRepository contacts;
  private final TemplateEngine templates = TextMailTemplates.in("mail/contract");

  public ContractLetters(ObjectProvider<JavaMailSender> mailSender, ContactRepository contacts) {
    this.mailSender = mailSender;
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
    Context context = new Context();
    context.setVariables(commonFacts(contract));
    context.setVariables(facts);
    String language = customer.getLanguage().written().name().toLowerCase(Locale.ROOT);
    String[] subjectAndBody = templates.process(letter + "_" + language, context).split("\\R", 2);

    JavaMailSender sender = mailSender.getIfAvailable(() -> {
      throw new IllegalStateException("No mail server configured (spring.mail.host): cannot send the " + letter
          + " of " + contract.getContractNumber());
    });
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper mail = new MimeMessageHelper(message, proof != null, StandardCharsets.UTF_8.name());
      mail.setFrom(FROM);
      mail.setTo(recipients.toArray(String[]::new));
      mail.setSubject(subjectAndBody[0].strip());
      mail.setText(subjectAndBody[1].strip());
      if (proof != null) {
        mail.addAttachment(proof.fileName(), new ByteArrayResource(proof.getPdf()), "application/pdf");
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot write the " + letter + " of " + contract.getContractNumber(), e);
    }
    sender.send(message);
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
