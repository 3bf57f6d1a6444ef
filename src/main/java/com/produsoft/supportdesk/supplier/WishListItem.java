package com.produsoft.supportdesk.supplier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.WishList;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * C3.2, C7.3: a suggestion for a product's next release. Several customers back the same wish, each through the
 * ticket that suggested it; they are all told when a release includes it.
 */
@Entity
public class WishListItem implements WishList.Wish {

  static final int TITLE_LENGTH = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_code")
  private Product product;

  private String title;

  /** Lower case, single spaces, no punctuation: two customers asking the same thing meet here. */
  private String normalisedTitle;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private WishStatus status = WishStatus.NEW;

  private String targetVersion;
  private Instant createdAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "released_in_id")
  private ProductRelease releasedIn;

  @OneToMany(mappedBy = "wish", cascade = CascadeType.ALL)
  @OrderBy("id")
  private List<WishBacker> backers = new ArrayList<>();

  protected WishListItem() {
  }

  public WishListItem(Product product, String title, Instant createdAt) {
    this.product = product;
    this.title = title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH) : title;
    this.normalisedTitle = normalise(title);
    this.createdAt = createdAt;
  }

  public static String normalise(String title) {
    String plain = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return plain.length() > TITLE_LENGTH ? plain.substring(0, TITLE_LENGTH) : plain;
  }

  /** The ticket's customer backs this wish; backing it twice through the same ticket changes nothing. */
  public WishBacker back(Ticket ticket, Instant at) {
    return backers.stream().filter(backer -> backer.getTicket().getId().equals(ticket.getId())).findFirst()
        .orElseGet(() -> {
          WishBacker backer = new WishBacker(this, ticket, at);
          backers.add(backer);
          return backer;
        });
  }

  public void release(ProductRelease release) {
    this.releasedIn = release;
    this.targetVersion = release.getVersion();
    this.status = WishStatus.RELEASED;
  }

  public Long getId() {
    return id;
  }

  public Product getProduct() {
    return product;
  }

  public String getTitle() {
    return title;
  }

  public String getNormalisedTitle() {
    return normalisedTitle;
  }

  public WishStatus getStatus() {
    return status;
  }

  public void setStatus(WishStatus status) {
    this.status = status;
  }

  public String getTargetVersion() {
    return targetVersion;
  }

  public void setTargetVersion(String targetVersion) {
    this.targetVersion = targetVersion;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public ProductRelease getReleasedIn() {
    return releasedIn;
  }

  public List<WishBacker> getBackers() {
    return backers;
  }
}
