package com.produsoft.supportdesk.supplier;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.ticket.Ticket;

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

/**
 * C7.2: one ticket's bug passed on to the supplier, either reported by us or linked to a {@link SupplierBug} the
 * supplier already knows. Our reference {@code ESC-<year>-<number>} is in every mail to the supplier, so that
 * its answers find their way back.
 */
@Entity
public class Escalation {

  /** Our reference as it appears in a subject or body, e.g. {@code ESC-2026-0012}. */
  public static final Pattern REFERENCE = Pattern.compile("\\bESC-(\\d{4})-(\\d{4,})\\b");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "supplier_bug_id")
  private SupplierBug supplierBug;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private EscalationStatus status = EscalationStatus.DOCUMENTING;

  /** The documented report as the supplier gets it: steps, versions, operating system, third-party software. */
  @Lob
  private String report;

  /** What the customer got meanwhile; "none known" is an answer too. */
  @Lob
  private String workaround;

  /** The Message-ID of our last mail to the supplier: its replies thread to it. */
  private String supplierMessageId;

  private Instant openedAt;
  private Instant closedAt;

  protected Escalation() {
  }

  public Escalation(Ticket ticket, Instant openedAt) {
    this.ticket = ticket;
    this.openedAt = openedAt;
  }

  public String reference() {
    return "ESC-%d-%04d".formatted(openedAt.atZone(EngineClock.BRUSSELS).getYear(), id);
  }

  /** The escalation id a reference names, whatever text surrounds it. */
  public static Optional<Long> idIn(String text) {
    Matcher matcher = REFERENCE.matcher(text == null ? "" : text);
    return matcher.find() ? Optional.of(Long.valueOf(matcher.group(2))) : Optional.empty();
  }

  /** Whether the supplier knew the bug from this escalation's report, rather than from another ticket. */
  public boolean isReporter() {
    return supplierMessageId != null;
  }

  public void close(EscalationStatus outcome, Instant at) {
    this.status = outcome;
    this.closedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public SupplierBug getSupplierBug() {
    return supplierBug;
  }

  public void setSupplierBug(SupplierBug supplierBug) {
    this.supplierBug = supplierBug;
  }

  public EscalationStatus getStatus() {
    return status;
  }

  public void setStatus(EscalationStatus status) {
    this.status = status;
  }

  public String getReport() {
    return report;
  }

  public void setReport(String report) {
    this.report = report;
  }

  public String getWorkaround() {
    return workaround;
  }

  public void setWorkaround(String workaround) {
    this.workaround = workaround;
  }

  public String getSupplierMessageId() {
    return supplierMessageId;
  }

  public void setSupplierMessageId(String supplierMessageId) {
    this.supplierMessageId = supplierMessageId;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
