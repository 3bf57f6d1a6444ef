package com.produsoft.supportdesk.ticket;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A missed SLA deadline, kept for the managers' figures with the team and priority of that moment. */
@Entity
public class SlaBreach extends AbstractAggregateRoot<SlaBreach> {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private SlaClock clock;

  private Instant dueAt;
  private Instant recordedAt;
  private String productCode;
  private Integer priority;

  protected SlaBreach() {
  }

  public SlaBreach(Ticket ticket, SlaClock clock, Instant dueAt, Instant recordedAt) {
    this.ticket = ticket;
    this.clock = clock;
    this.dueAt = dueAt;
    this.recordedAt = recordedAt;
    this.productCode = ticket.getProductCode();
    this.priority = ticket.getPriority();
    // Published by the repository's save (Spring Data domain events).
    registerEvent(new SlaBreachRecorded(clock, productCode, priority));
  }

  public SlaClock getClock() {
    return clock;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
