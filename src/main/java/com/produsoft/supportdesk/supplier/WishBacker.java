package com.produsoft.supportdesk.supplier;

import java.time.Instant;

import com.produsoft.supportdesk.ticket.Ticket;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A customer who backs a wish, through the ticket that suggested it; told once when the wish is released. */
@Entity
public class WishBacker {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "wish_id")
  private WishListItem wish;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  private Instant backedAt;

  /** Set when the customer got the release mail: a retried notification never mails twice. */
  private Instant notifiedAt;

  protected WishBacker() {
  }

  WishBacker(WishListItem wish, Ticket ticket, Instant backedAt) {
    this.wish = wish;
    this.ticket = ticket;
    this.backedAt = backedAt;
  }

  public Long getId() {
    return id;
  }

  public WishListItem getWish() {
    return wish;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public Instant getBackedAt() {
    return backedAt;
  }

  public Instant getNotifiedAt() {
    return notifiedAt;
  }

  public void setNotifiedAt(Instant notifiedAt) {
    this.notifiedAt = notifiedAt;
  }
}
