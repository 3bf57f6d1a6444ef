package com.produsoft.supportdesk.ticket;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.NaturalId;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/**
 * A support registration and everything Produsoft knows about it: the C4 items as the customer gave them,
 * the entitlement found (C1–C3), priority and SLA deadlines (C6), status and resolution. Its process instance
 * ({@code TicketProcess}, business key = EON call number) keeps only the few variables its gateways need.
 */
@Entity
public class Ticket extends AbstractAggregateRoot<Ticket> {

  private static final SecureRandom TOKENS = new SecureRandom();

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /**
   * The EON call number customers quote on the phone, e.g. {@code EON-2026-00042}. Every process step finds its
   * ticket by it ({@link TicketLookup}).
   */
  @NaturalId
  private String eonNumber;

  /** Null when the sender is not in the register yet: flagged for triage. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "contact_id")
  private Contact contact;

  private String productCode;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private TicketCategory category;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Language language;

  /** C4.1 */
  private String companyName;
  private String contactName;
  private String email;
  /** C4.2 a phone number to call back. */
  private String phone;

  /** C4.3 earlier or similar EON calls: a few numbers, read wherever the ticket is shown. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "ticket_earlier_call", joinColumns = @JoinColumn(name = "ticket_id"))
  @Column(name = "eon_number")
  @OrderColumn(name = "list_index")
  private List<String> earlierCallNumbers = new ArrayList<>();

  /** C4.4 */
  @Lob
  private String description;
  /** C4.5 how it arose or can be reproduced. */
  @Lob
  private String reproduction;
  /** C4.6 third-party software and version. */
  private String thirdPartySoftware;
  /** C4.8 operating system and version, patches included. */
  private String operatingSystem;
  /** How much it affects the customer's operations. */
  @Lob
  private String impact;
  /** C5.3 machines stand still, the customer cannot go on. */
  private boolean productionStopped;
  /** C8.1 the customer said it became critical. */
  private boolean critical;

  private boolean underContract;
  /** What the engineer must know about entitlement (C1–C3) and designated contacts (C2). */
  private String entitlementWarning;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private TicketStatus status = TicketStatus.OPEN;

  /** 1 (most urgent) to 4, decided by the TicketPriority DMN. */
  private Integer priority;

  private Instant registeredAt;
  /** C6.3 the SLA clocks start at the first opening at or after registration. */
  private Instant clockStartedAt;
  /** Office time, ISO-8601, from the priority decision. */
  private String firstResponseTarget;
  private String resolutionTarget;
  private Instant firstResponseDueAt;
  private Instant resolutionDueAt;
  /** The first customer-visible answer: a mail, a logged call or a planned remote session. */
  private Instant firstResponseAt;
  private Instant resolvedAt;
  private Instant closedAt;
  /** Set while the ticket waits for the customer: the clocks stand still. */
  private Instant pausedSince;
  /** Office time the clocks stood still so far, in seconds. */
  private long pausedOfficeSeconds;
  /**
   * Office time (C6) from registration to the first answer and to the resolution, paused time excluded, in seconds:
   * stored when the event happens, because office time cannot be computed per row in portable SQL (reporting).
   */
  private Long firstResponseOfficeSeconds;
  private Long resolutionOfficeSeconds;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Resolution resolution;

  /** The answer, workaround or solution the customer received. */
  @Lob
  private String resolutionText;

  /** The client's Idempotency-Key of the registration, with a fingerprint of what it sent. */
  private String idempotencyKey;
  private String requestFingerprint;

  private String processInstanceId;

  /** The secret of the customer's private status page link: unguessable, unlike the EON number. */
  private String statusToken = newStatusToken();

  @Version
  private long version;

  protected Ticket() {
  }

  public Ticket(String eonNumber, String productCode, TicketCategory category, Channel channel, Instant registeredAt) {
    this.eonNumber = eonNumber;
    this.productCode = productCode;
    this.category = category;
    this.channel = channel;
    this.registeredAt = registeredAt;
    // Published by the repository's save (Spring Data domain events).
    registerEvent(new TicketRegistered(channel, productCode, category));
  }

  private static String newStatusToken() {
    byte[] random = new byte[32];
    TOKENS.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Whether the customer has had a customer-visible answer. */
  public boolean isFirstResponseGiven() {
    return firstResponseAt != null;
  }

  public Duration pausedOfficeTime() {
    return Duration.ofSeconds(pausedOfficeSeconds);
  }

  public void addPausedOfficeTime(Duration paused) {
    pausedOfficeSeconds += paused.toSeconds();
  }

  public boolean isClosed() {
    return status == TicketStatus.CLOSED;
  }

  /** C1–C3: what the entitlement check found; the ticket is registered whatever the answer. */
  public void recordEntitlement(boolean underContract, String warning) {
    this.underContract = underContract;
    this.entitlementWarning = warning;
  }

  /** Triage corrects the category the customer chose. */
  public void recategorise(TicketCategory newCategory) {
    refuseIfClosed("change the category of");
    this.category = newCategory;
  }

  /** C5.4: the ticket goes to the team of another product. */
  public void moveTo(String newProductCode) {
    refuseIfClosed("move");
    if (newProductCode.equals(productCode)) {
      throw new IllegalStateException(eonNumber + " is already a " + newProductCode + " ticket");
    }
    this.productCode = newProductCode;
  }

  /** C4: support asked the customer a question; the ticket waits for the reply. */
  public void waitForCustomer() {
    refuseIfClosed("ask a question on");
    status = TicketStatus.WAITING_FOR_CUSTOMER;
  }

  /** The customer replied, or support took the ticket up again: someone works on it. */
  public void resumeWork() {
    refuseIfClosed("resume work on");
    status = TicketStatus.OPEN;
  }

  /** The solution went to the customer; the reopen period runs. */
  public void solutionSent() {
    refuseIfClosed("send a solution on");
    status = TicketStatus.SOLUTION_SENT;
  }

  /** The customer reacted to the solution within the reopen period: it no longer counts as resolved. */
  public void reopenAfterSolution() {
    if (status != TicketStatus.SOLUTION_SENT) {
      throw new IllegalStateException(eonNumber + " is " + status + ": only a ticket whose solution was sent reopens");
    }
    setResolvedAt(null);
    status = TicketStatus.OPEN;
  }

  /** The customer came back on a closed ticket within the reopen period: open again, as if never resolved. */
  public void reopenAfterClosing(boolean nowCritical) {
    if (status != TicketStatus.CLOSED) {
      throw new IllegalStateException(eonNumber + " is " + status + ": only a closed ticket reopens after closing");
    }
    status = TicketStatus.OPEN;
    closedAt = null;
    setResolvedAt(null);
    resolution = null;
    critical = nowCritical;
  }

  /** Closed, for this reason; no clock waits any more. The resolution time is the SLA clocks' to record first. */
  public void close(Resolution reason, Instant at) {
    refuseIfClosed("close");
    resolution = reason;
    status = TicketStatus.CLOSED;
    closedAt = at;
    pausedSince = null;
  }

  private void refuseIfClosed(String what) {
    if (isClosed()) {
      throw new IllegalStateException("Cannot " + what + " " + eonNumber + ": it is closed");
    }
  }

  public Long getId() {
    return id;
  }

  public String getEonNumber() {
    return eonNumber;
  }

  public Customer getCustomer() {
    return customer;
  }

  public void setCustomer(Customer customer) {
    this.customer = customer;
  }

  public Contact getContact() {
    return contact;
  }

  public void setContact(Contact contact) {
    this.contact = contact;
  }

  public String getProductCode() {
    return productCode;
  }

  public TicketCategory getCategory() {
    return category;
  }

  public Channel getChannel() {
    return channel;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
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

  public List<String> getEarlierCallNumbers() {
    return earlierCallNumbers;
  }

  public void setEarlierCallNumbers(List<String> earlierCallNumbers) {
    this.earlierCallNumbers = new ArrayList<>(earlierCallNumbers);
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

  public String getImpact() {
    return impact;
  }

  public void setImpact(String impact) {
    this.impact = impact;
  }

  public boolean isProductionStopped() {
    return productionStopped;
  }

  public void setProductionStopped(boolean productionStopped) {
    this.productionStopped = productionStopped;
  }

  public boolean isCritical() {
    return critical;
  }

  public void setCritical(boolean critical) {
    this.critical = critical;
  }

  public boolean isUnderContract() {
    return underContract;
  }

  public String getEntitlementWarning() {
    return entitlementWarning;
  }

  public TicketStatus getStatus() {
    return status;
  }

  public Integer getPriority() {
    return priority;
  }

  public void setPriority(Integer priority) {
    this.priority = priority;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public Instant getClockStartedAt() {
    return clockStartedAt;
  }

  public void setClockStartedAt(Instant clockStartedAt) {
    this.clockStartedAt = clockStartedAt;
  }

  public String getFirstResponseTarget() {
    return firstResponseTarget;
  }

  public void setFirstResponseTarget(String firstResponseTarget) {
    this.firstResponseTarget = firstResponseTarget;
  }

  public String getResolutionTarget() {
    return resolutionTarget;
  }

  public void setResolutionTarget(String resolutionTarget) {
    this.resolutionTarget = resolutionTarget;
  }

  public Instant getFirstResponseDueAt() {
    return firstResponseDueAt;
  }

  public void setFirstResponseDueAt(Instant firstResponseDueAt) {
    this.firstResponseDueAt = firstResponseDueAt;
  }

  public Instant getResolutionDueAt() {
    return resolutionDueAt;
  }

  public void setResolutionDueAt(Instant resolutionDueAt) {
    this.resolutionDueAt = resolutionDueAt;
  }

  public Instant getFirstResponseAt() {
    return firstResponseAt;
  }

  public void setFirstResponseAt(Instant firstResponseAt) {
    this.firstResponseAt = firstResponseAt;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  /** A ticket that is no longer resolved (reopened) loses its resolution time too. */
  void setResolvedAt(Instant resolvedAt) {
    this.resolvedAt = resolvedAt;
    if (resolvedAt == null) {
      resolutionOfficeSeconds = null;
    }
  }

  public Long getFirstResponseOfficeSeconds() {
    return firstResponseOfficeSeconds;
  }

  void setFirstResponseOfficeSeconds(Long firstResponseOfficeSeconds) {
    this.firstResponseOfficeSeconds = firstResponseOfficeSeconds;
  }

  public Long getResolutionOfficeSeconds() {
    return resolutionOfficeSeconds;
  }

  void setResolutionOfficeSeconds(Long resolutionOfficeSeconds) {
    this.resolutionOfficeSeconds = resolutionOfficeSeconds;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Instant getPausedSince() {
    return pausedSince;
  }

  void setPausedSince(Instant pausedSince) {
    this.pausedSince = pausedSince;
  }

  public Resolution getResolution() {
    return resolution;
  }

  public String getResolutionText() {
    return resolutionText;
  }

  public void setResolutionText(String resolutionText) {
    this.resolutionText = resolutionText;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getRequestFingerprint() {
    return requestFingerprint;
  }

  public void setIdempotency(String idempotencyKey, String requestFingerprint) {
    this.idempotencyKey = idempotencyKey;
    this.requestFingerprint = requestFingerprint;
  }

  public String getStatusToken() {
    return statusToken;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public void setProcessInstanceId(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }
}
