package com.produsoft.supportdesk.intake.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.web.multipart.MultipartFile;

import com.produsoft.supportdesk.ticket.TicketRegistration;

/**
 * What the web form posts: the fields of {@link TicketRegistration} as the customer typed them, plus the files
 * (C4.7) and the form's one-time idempotency key. The registration's own bean validation judges the content.
 */
public class SupportForm {

  private String companyName;
  private String contactName;
  private String email;
  private String phone;
  private String product;
  private String category;
  private String description;
  private String reproduction;
  private String thirdPartySoftware;
  private String operatingSystem;
  /** C4.3 one or more EON call numbers, separated by spaces or commas. */
  private String earlierCallNumbers;
  private String impact;
  private Boolean productionStopped;
  private String idempotencyKey;
  private List<MultipartFile> attachments = List.of();

  /** The registration in the page's language (nl unless the customer switched to English). */
  TicketRegistration toRegistration(Locale locale) {
    return new TicketRegistration(strip(companyName), strip(contactName), strip(email), strip(phone), product,
        category, blankToNull(description), blankToNull(reproduction), blankToNull(thirdPartySoftware),
        blankToNull(operatingSystem), callNumbers(), blankToNull(impact), productionStopped,
        SupportLanguage.of(locale));
  }

  private List<String> callNumbers() {
    if (earlierCallNumbers == null || earlierCallNumbers.isBlank()) {
      return List.of();
    }
    return Arrays.stream(earlierCallNumbers.strip().split("[\\s,;]+"))
        .map(number -> number.toUpperCase(Locale.ROOT))
        .toList();
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public String getCompanyName() {
    return companyName;
  }

  public void setCompanyName(String companyName) {
    this.companyName = companyName;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getProduct() {
    return product;
  }

  public void setProduct(String product) {
    this.product = product;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getReproduction() {
    return reproduction;
  }

  public void setReproduction(String reproduction) {
    this.reproduction = reproduction;
  }

  public String getThirdPartySoftware() {
    return thirdPartySoftware;
  }

  public void setThirdPartySoftware(String thirdPartySoftware) {
    this.thirdPartySoftware = thirdPartySoftware;
  }

  public String getOperatingSystem() {
    return operatingSystem;
  }

  public void setOperatingSystem(String operatingSystem) {
    this.operatingSystem = operatingSystem;
  }

  public String getEarlierCallNumbers() {
    return earlierCallNumbers;
  }

  public void setEarlierCallNumbers(String earlierCallNumbers) {
    this.earlierCallNumbers = earlierCallNumbers;
  }

  public String getImpact() {
    return impact;
  }

  public void setImpact(String impact) {
    this.impact = impact;
  }

  public Boolean getProductionStopped() {
    return productionStopped;
  }

  public void setProductionStopped(Boolean productionStopped) {
    this.productionStopped = productionStopped;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  public List<MultipartFile> getAttachments() {
    return attachments;
  }

  public void setAttachments(List<MultipartFile> attachments) {
    this.attachments = attachments == null ? List.of() : attachments;
  }
}
