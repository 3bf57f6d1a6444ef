package com.produsoft.supportdesk.training;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.mail.Mail;
import com.produsoft.supportdesk.platform.mail.OutboundMails;
import com.produsoft.supportdesk.ticket.TicketProperties;

/**
 * The mails of trainings and user days (C11), from info@produsoft.com. Texts are
 * {@code mail/training/<letter>_<nl|en>.txt}, written and sent by {@link OutboundMails}. A failure to send is thrown,
 * so that the asynchronous process step that sends retries.
 */
@Component
public class TrainingMails {

  public static final String FROM = "info@produsoft.com";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final OutboundMails mails;
  private final Catalogue catalogue;
  private final TicketProperties links;

  public TrainingMails(OutboundMails mails, Catalogue catalogue, TicketProperties links) {
    this.mails = mails;
    this.catalogue = catalogue;
    this.links = links;
  }

  /**
   * C11.1 offer of an update training, or C11.3 personal invitation to a user day, to the designated contacts; a
   * user day is free under contract, otherwise at the day's fee.
   */
  public void invite(TrainingSession session, Customer customer, List<String> designatedContacts,
      boolean underContract) {
    Map<String, Object> facts = sessionFacts(session);
    facts.put("companyName", customer.getCompanyName());
    facts.put("underContract", underContract);
    send(session.getKind() == TrainingKind.USER_DAY ? "user-day-invitation" : "update-training-offer",
        customer.getLanguage(), designatedContacts, facts);
  }

  /** The registration's confirmation with its price (C11.2), or its place on the waiting list. */
  public void confirm(TrainingRegistration registration) {
    send(registration.getStatus() == TrainingRegistration.Status.CONFIRMED ? "registration-confirmed"
        : "registration-waiting", registration.getLanguage(), List.of(registration.getEmail()),
        registrationFacts(registration));
  }

  /** A cancellation freed seats for this registration, the first on the waiting list: it is now confirmed. */
  public void seatFreed(TrainingRegistration registration) {
    send("seat-freed", registration.getLanguage(), List.of(registration.getEmail()), registrationFacts(registration));
  }

  /** The web page where customers register for the session. */
  public String registrationUrl(TrainingSession session) {
    return links.webFormUrl() + "/trainings/" + session.getId();
  }

  private Map<String, Object> sessionFacts(TrainingSession session) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("kind", session.getKind().name());
    facts.put("product", session.getProductCode() == null ? ""
        : catalogue.productOf(session.getProductCode()).getName());
    facts.put("version", session.getProductVersion() == null ? "" : session.getProductVersion());
    facts.put("firstDay", DAY.format(session.getFirstDay()));
    facts.put("days", session.getDays());
    facts.put("place", session.getPlace());
    facts.put("programme", session.getProgramme() == null ? "" : session.getProgramme());
    facts.put("feeForOthers", session.getFeeForOthers());
    facts.put("registrationUrl", registrationUrl(session));
    return facts;
  }

  private Map<String, Object> registrationFacts(TrainingRegistration registration) {
    Map<String, Object> facts = sessionFacts(registration.getSession());
    facts.put("contactName", registration.getContactName());
    facts.put("companyName", registration.getCompanyName());
    facts.put("persons", registration.getPersons());
    facts.put("underContract", registration.isUnderContract());
    facts.put("pricePerDay", registration.getPricePerDay().toPlainString());
    facts.put("totalPrice", registration.getTotalPrice().toPlainString());
    return facts;
  }

  private void send(String letter, Language language, List<String> recipients, Map<String, Object> facts) {
    if (recipients.isEmpty()) {
      throw new IllegalStateException("Nobody to send the " + letter + " to (C2.1: no designated contact)");
    }
    mails.send(Mail.from(FROM, "Produsoft", "training/" + letter,
        Locale.forLanguageTag(language.written().name())).to(recipients).with(facts));
  }
}
