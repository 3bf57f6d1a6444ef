package com.produsoft.supportdesk.licence;

import java.time.LocalDate;

import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.customer.Customer;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/**
 * A customer's licence of one product. Licences are bound to hardware (C10.3): either to a computer's host id
 * or to a dongle, never both, never neither.
 */
@Entity
public class Licence {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_code")
  private Product product;

  private String licenceNumber;

  private String hostId;

  private String dongleNumber;

  private LocalDate purchaseDate;

  /** Two moves of one licence that read the same state cannot both write (C10.3, see {@link LicenceRegister}). */
  @Version
  private int version;

  protected Licence() {
  }

  private Licence(Customer customer, Product product, String licenceNumber, String hostId, String dongleNumber,
      LocalDate purchaseDate) {
    if ((hostId == null) == (dongleNumber == null)) {
      throw new IllegalArgumentException("Licence " + licenceNumber + " needs exactly one host id or dongle number");
    }
    this.customer = customer;
    this.product = product;
    this.licenceNumber = licenceNumber;
    this.hostId = hostId;
    this.dongleNumber = dongleNumber;
    this.purchaseDate = purchaseDate;
  }

  public static Licence onHost(Customer customer, Product product, String licenceNumber, String hostId,
      LocalDate purchaseDate) {
    return new Licence(customer, product, licenceNumber, hostId, null, purchaseDate);
  }

  public static Licence onDongle(Customer customer, Product product, String licenceNumber, String dongleNumber,
      LocalDate purchaseDate) {
    return new Licence(customer, product, licenceNumber, null, dongleNumber, purchaseDate);
  }

  /** C1.1: the customer has support during the first year after buying the licence. */
  public boolean isInFirstYear(LocalDate on) {
    return !on.isBefore(purchaseDate) && !on.isAfter(firstYearEnd());
  }

  /** The last day of support without a contract (C1.1). */
  public LocalDate firstYearEnd() {
    return purchaseDate.plusYears(1).minusDays(1);
  }

  /**
   * C10.3: the licence's hardware, kept in sync with its current {@link LicenceBinding}; only
   * {@link LicenceRegister} moves it. A host licence moves to a host, a dongle licence to a dongle.
   */
  void rebind(String newHardware) {
    if (isOnDongle()) {
      dongleNumber = newHardware;
    } else {
      hostId = newHardware;
    }
  }

  public boolean isOnDongle() {
    return dongleNumber != null;
  }

  /** The host id or the dongle number the licence is bound to now. */
  public String getHardware() {
    return isOnDongle() ? dongleNumber : hostId;
  }

  public Long getId() {
    return id;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Product getProduct() {
    return product;
  }

  public String getLicenceNumber() {
    return licenceNumber;
  }

  public String getHostId() {
    return hostId;
  }

  public String getDongleNumber() {
    return dongleNumber;
  }

  public LocalDate getPurchaseDate() {
    return purchaseDate;
  }
}
