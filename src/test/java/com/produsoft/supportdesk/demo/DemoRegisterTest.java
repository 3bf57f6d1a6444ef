package com.produsoft.supportdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.contract.ContractStatus;
import com.produsoft.supportdesk.contract.Entitlement.Finding;
import com.produsoft.supportdesk.contract.Entitlement;
import com.produsoft.supportdesk.contract.EntitlementService;
import com.produsoft.supportdesk.contract.MaintenanceContract;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.licence.LicenceRepository;

/** The test context starts like the application: DemoRegister, an ApplicationRunner, seeds the empty register. */
@DataJpaTest(showSql = false)
@Import({ DemoRegister.class, EntitlementService.class, Catalogue.class })
class DemoRegisterTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));

  @Autowired
  private DemoRegister demoRegister;

  @Autowired
  private EntitlementService entitlementService;

  @Autowired
  private CustomerRepository customers;

  @Autowired
  private ContactRepository contacts;

  @Autowired
  private LicenceRepository licences;

  @Autowired
  private MaintenanceContractRepository contracts;

  @Autowired
  private TestEntityManager entityManager;

  @Test
  @DisplayName("the demo register is seeded once: running the seeding again adds nothing")
  void seedsOnce() {
    long[] seeded = counts();

    demoRegister.run(new DefaultApplicationArguments());
    entityManager.flush();

    assertThat(seeded[0]).isEqualTo(10);
    assertThat(counts()).containsExactly(seeded);
  }

  @Test
  @DisplayName("C1 C2 the demo shows every contract state, and Jan Vandamme is entitled to Edgecam support")
  void everyState() {
    assertThat(contracts.findAll()).extracting(MaintenanceContract::getStatus).contains(ContractStatus.values());
    assertThat(licences.findAll()).extracting(licence -> licence.getProduct().getCode())
        .contains("VISI", "WORKNC", "EDGECAM", "RADAN", "PEPS", "SPACECLAIM");

    Entitlement vandamme = check("jan.vandamme@vandamme.example", "EDGECAM");
    assertThat(vandamme.entitled()).isTrue();
    assertThat(vandamme.contractNumber())
        .isEqualTo("MC-%d-0007".formatted(TODAY.minusYears(5).minusMonths(2).getYear()));
    assertThat(check("kevin.lefevre@vandamme.example", "EDGECAM").designatedContact()).isFalse();
    assertThat(check("pieter.desmet@desmet-matrijzen.example", "WORKNC").findings())
        .extracting(Finding::rule).containsExactly("C2.2");
    assertThat(check("wim.peeters@peeters-plaat.example", "RADAN").entitled()).isTrue();
    assertThat(check("tine.janssens@janssens-kunststoffen.example", "VISI").entitled()).isTrue();
    assertThat(check("dirk.goossens@goossens-machinebouw.example", "EDGECAM").findings())
        .extracting(Finding::rule).containsExactly("C1.1");
    assertThat(check("frank.wouters@wouters-draaierij.example", "WORKNC").findings())
        .extracting(Finding::rule).containsExactly("C1.5");

    Entitlement inTime = check("olivier.dubois@ppwavre.example", "EDGECAM");
    Entitlement late = check("bart.maes@maes-laser.example", "RADAN");
    assertThat(inTime.underContract()).isTrue();
    assertThat(inTime.findings()).extracting(Finding::rule).containsExactly("C1.4");
    assertThat(contract(inTime).getEndsOn()).isEqualTo(contract(inTime).getCurrentPeriodEnd());
    assertThat(late.underContract()).isTrue();
    assertThat(late.findings()).extracting(Finding::rule).containsExactly("C1.4");
    assertThat(contract(late).getEndsOn()).isAfter(contract(late).getCurrentPeriodEnd());
  }

  private Entitlement check(String email, String productCode) {
    return entitlementService.check(null, email, productCode, TODAY);
  }

  private MaintenanceContract contract(Entitlement entitlement) {
    return contracts.findByContractNumber(entitlement.contractNumber()).orElseThrow();
  }

  private long[] counts() {
    return new long[] { customers.count(), contacts.count(), licences.count(), contracts.count() };
  }
}
