package com.produsoft.supportdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.contract.Entitlement.Finding;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.licence.Licence;

/** Runs Liquibase on an in-memory H2, so the mapping is validated against the real changelog too. */
@DataJpaTest(showSql = false)
@Import({ EntitlementService.class, Catalogue.class })
class EntitlementServiceTest {

  private static final LocalDate ON = LocalDate.of(2026, 3, 16);
  private static final LocalDate LONG_AGO = LocalDate.of(2020, 2, 1);

  @Autowired
  private EntitlementService service;

  @Autowired
  private TestEntityManager entityManager;

  private int vatSequence;

  /** Under an active contract for its Edgecam licence, with contacts of every kind. */
  private Customer customer;

  @BeforeEach
  void registerCustomerUnderContract() {
    customer = customer("Metaalwerken Test NV");
    MaintenanceContract contract = contract("MC-2020-0001", customer, LONG_AGO,
        licence(customer, "EDGECAM", LONG_AGO));
    while (contract.getCurrentPeriodEnd().isBefore(ON)) {
      contract.renew();
    }
    contact("responsible@test.example", ContactRole.SYSTEM_RESPONSIBLE, "EDGECAM", LONG_AGO);
    contact("radan-only@test.example", ContactRole.DEPUTY, "RADAN", LONG_AGO);
    contact("trained-next-week@test.example", ContactRole.DEPUTY, "EDGECAM", ON.plusWeeks(1));
    contact("untrained@test.example", ContactRole.DEPUTY, null, null);
    contact("operator@test.example", ContactRole.OTHER, "EDGECAM", LONG_AGO);
  }

  @Test
  @DisplayName("C1.2 C2.1 C2.2 active contract, trained system responsible: entitled, nothing to warn")
  void entitled() {
    Entitlement entitlement = check(customer.getId(), "responsible@test.example", "EDGECAM", ON);

    assertThat(entitlement.entitled()).isTrue();
    assertThat(entitlement.contractNumber()).isEqualTo("MC-2020-0001");
    assertThat(entitlement.customerId()).isEqualTo(customer.getId());
    assertThat(entitlement.findings()).isEmpty();
    assertThat(entitlement.warning()).isNull();
  }

  @Test
  @DisplayName("C2.1 the customer is found from the contact's e-mail, whatever its case; the product name works too")
  void customerFromContact() {
    Entitlement entitlement = check(null, "  Responsible@TEST.example", "Edgecam", ON);

    assertThat(entitlement.customerId()).isEqualTo(customer.getId());
    assertThat(entitlement.entitled()).isTrue();
  }

  @Test
  @DisplayName("C1.1 contract in its first year after the purchase: under contract")
  void firstYearContract() {
    Customer newcomer = customer("Nieuwkomer BV");
    contract("MC-2025-0002", newcomer, ON.minusMonths(3), licence(newcomer, "RADAN", ON.minusMonths(3)));

    Entitlement entitlement = check(newcomer.getId(), null, "RADAN", ON);

    assertThat(entitlement.underContract()).isTrue();
    assertThat(entitlement.contractNumber()).isEqualTo("MC-2025-0002");
  }

  @Test
  @DisplayName("C1.1 no contract, licence bought less than a year ago: under contract")
  void firstYearWithoutContract() {
    Customer newcomer = customer("Nieuwkomer BV");
    licence(newcomer, "VISI", ON.minusYears(1).plusDays(1));

    Entitlement entitlement = check(newcomer.getId(), null, "VISI", ON);

    assertThat(entitlement.underContract()).isTrue();
    assertThat(entitlement.contractNumber()).isNull();
  }

  @Test
  @DisplayName("C1.1 no contract, the first year after the purchase is over: not under contract")
  void firstYearOver() {
    Customer former = customer("Zonder Contract NV");
    licence(former, "VISI", ON.minusYears(1));

    Entitlement entitlement = check(former.getId(), null, "VISI", ON);

    assertThat(entitlement.underContract()).isFalse();
    assertThat(entitlement.findings()).extracting(Finding::rule).contains("C1.1");
  }

  @Test
  @DisplayName("C1.4 contract cancelled in its first year, checked on its last day: under contract, "
      + "the engineer sees when support ends")
  void cancelledStillRunning() {
    Customer leaving = customer("Vertrekker BV");
    MaintenanceContract contract = contract("MC-2025-0003", leaving, ON.minusMonths(6),
        licence(leaving, "PEPS", ON.minusMonths(6)));
    contract.cancel(ON.minusMonths(1));

    Entitlement entitlement = check(leaving.getId(), null, "PEPS", contract.getEndsOn());

    assertThat(entitlement.underContract()).isTrue();
    assertThat(entitlement.findings()).contains(new Finding("C1.4",
        "contract MC-2025-0003 cancelled, support ends " + contract.getEndsOn()));
    assertThat(entitlement.warning()).startsWith("C1.4 contract MC-2025-0003 cancelled, support ends");
  }

  @Test
  @DisplayName("C1.4 cancelled contract after its last day: not under contract")
  void cancelledEnded() {
    Customer leaving = customer("Vertrekker BV");
    MaintenanceContract contract = contract("MC-2024-0004", leaving, ON.minusYears(2),
        licence(leaving, "PEPS", ON.minusYears(2)));
    contract.cancel(ON.minusYears(2).plusMonths(1));

    Entitlement entitlement = check(leaving.getId(), null, "PEPS", ON);

    assertThat(entitlement.underContract()).isFalse();
    assertThat(entitlement.findings()).contains(new Finding("C1.4",
        "contract MC-2024-0004 was cancelled, support ended " + contract.getEndsOn()));
  }

  @Test
  @DisplayName("C1.5 lapsed contract: never under contract")
  void lapsed() {
    Customer gone = customer("Vertrokken NV");
    MaintenanceContract contract = contract("MC-2024-0005", gone, ON.minusYears(2),
        licence(gone, "WORKNC", ON.minusYears(2)));
    contract.cancel(ON.minusYears(2).plusMonths(1));
    contract.lapse(ON);

    Entitlement entitlement = check(gone.getId(), null, "WORKNC", ON);

    assertThat(entitlement.underContract()).isFalse();
    assertThat(entitlement.findings()).extracting(Finding::rule).contains("C1.5");
  }

  @Test
  @DisplayName("C1 contract on another product: not under contract for this one")
  void productNotCovered() {
    licence(customer, "SPACECLAIM", LONG_AGO);

    Entitlement spaceClaim = check(customer.getId(), "responsible@test.example", "SPACECLAIM", ON);
    Entitlement radan = check(customer.getId(), "responsible@test.example", "RADAN", ON);

    assertThat(spaceClaim.underContract()).isFalse();
    assertThat(spaceClaim.findings()).extracting(Finding::rule).contains("C1.1");
    assertThat(radan.underContract()).isFalse();
    assertThat(radan.findings()).contains(new Finding("C1", "Metaalwerken Test NV has no Radan licence"));
  }

  @Test
  @DisplayName("C2.1 a contact with role OTHER is not designated, even when trained")
  void otherContact() {
    Entitlement entitlement = check(customer.getId(), "operator@test.example", "EDGECAM", ON);

    assertThat(entitlement.underContract()).isTrue();
    assertThat(entitlement.designatedContact()).isFalse();
    assertThat(entitlement.trainedContact()).isTrue();
    assertThat(entitlement.findings()).extracting(Finding::rule).containsExactly("C2.1");
  }

  @Test
  @DisplayName("C2.1 C2.2 unknown e-mail: not designated nor trained, but the entitlement is still checked")
  void unknownContact() {
    Entitlement entitlement = check(customer.getId(), "stranger@elsewhere.example", "EDGECAM", ON);

    assertThat(entitlement.underContract()).isTrue();
    assertThat(entitlement.designatedContact()).isFalse();
    assertThat(entitlement.trainedContact()).isFalse();
    assertThat(entitlement.warning())
        .isEqualTo("C2.1 unknown contact stranger@elsewhere.example: not a designated contact");
  }

  @Test
  @DisplayName("C2.1 the designated contact of another customer is not designated for this one")
  void contactOfAnotherCustomer() {
    Customer other = customer("Andere Klant BV");

    Entitlement entitlement = check(other.getId(), "responsible@test.example", "EDGECAM", ON);

    assertThat(entitlement.designatedContact()).isFalse();
    assertThat(entitlement.findings()).contains(new Finding("C2.1",
        "contact responsible belongs to Metaalwerken Test NV, not to Andere Klant BV"));
  }

  @Test
  @DisplayName("C2.2 a designated contact without any training is not trained")
  void noTraining() {
    Entitlement entitlement = check(customer.getId(), "untrained@test.example", "EDGECAM", ON);

    assertThat(entitlement.designatedContact()).isTrue();
    assertThat(entitlement.trainedContact()).isFalse();
    assertThat(entitlement.entitled()).isFalse();
    assertThat(entitlement.warning()).isEqualTo("C2.2 contact untrained has not followed the Edgecam training");
  }

  @Test
  @DisplayName("C2.2 training on another product does not count")
  void trainedOnAnotherProduct() {
    Entitlement entitlement = check(customer.getId(), "radan-only@test.example", "EDGECAM", ON);

    assertThat(entitlement.designatedContact()).isTrue();
    assertThat(entitlement.trainedContact()).isFalse();
  }

  @Test
  @DisplayName("C2.2 a training after the day asked about does not count yet")
  void trainedLater() {
    Entitlement entitlement = check(customer.getId(), "trained-next-week@test.example", "EDGECAM", ON);

    assertThat(entitlement.trainedContact()).isFalse();
    assertThat(entitlement.findings()).containsExactly(new Finding("C2.2",
        "contact trained-next-week follows the Edgecam training only on " + ON.plusWeeks(1)));
    assertThat(check(customer.getId(), "trained-next-week@test.example", "EDGECAM", ON.plusWeeks(1))
        .trainedContact()).isTrue();
  }

  @Test
  @DisplayName("C2.2 system reading: unknown customer and contact are valid input, answered with findings")
  void unknownCustomer() {
    Entitlement entitlement = check(null, "stranger@elsewhere.example", "EDGECAM", ON);

    assertThat(entitlement.customerId()).isNull();
    assertThat(entitlement.underContract()).isFalse();
    assertThat(entitlement.findings()).extracting(Finding::toString)
        .containsExactly("C1 unknown customer",
            "C2.1 unknown contact stranger@elsewhere.example: not a designated contact");
  }

  private Entitlement check(Long customerId, String email, String productCode, LocalDate on) {
    entityManager.flush();
    entityManager.clear();
    return service.check(customerId, email, productCode, on);
  }

  private Customer customer(String companyName) {
    return entityManager.persist(new Customer(companyName, "BE0%09d".formatted(++vatSequence), "+32 50 00 00 00",
        Language.NL));
  }

  private Licence licence(Customer owner, String productCode, LocalDate purchased) {
    return entityManager.persist(Licence.onHost(owner, product(productCode), productCode + "-" + owner.getId()
        + "-" + purchased, "HOST-" + productCode, purchased));
  }

  private MaintenanceContract contract(String number, Customer owner, LocalDate firstYearStart, Licence... covered) {
    return entityManager.persist(new MaintenanceContract(number, owner, List.of(covered), firstYearStart));
  }

  /** The part before the @ doubles as the contact's name. */
  private void contact(String email, ContactRole role, String trainedProduct, LocalDate trainedOn) {
    Contact contact = new Contact(customer, email.substring(0, email.indexOf('@')), email, null, role);
    if (trainedProduct != null) {
      contact.recordTraining(product(trainedProduct), trainedOn);
    }
    entityManager.persist(contact);
  }

  private Product product(String code) {
    return entityManager.find(Product.class, code);
  }
}
