package com.produsoft.supportdesk.demo;

import static com.produsoft.supportdesk.customer.ContactRole.DEPUTY;
import static com.produsoft.supportdesk.customer.ContactRole.OTHER;
import static com.produsoft.supportdesk.customer.ContactRole.SYSTEM_RESPONSIBLE;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.contract.CancellationChannel;
import com.produsoft.supportdesk.contract.ContractEvent;
import com.produsoft.supportdesk.contract.ContractEventRepository;
import com.produsoft.supportdesk.contract.ContractEventType;
import com.produsoft.supportdesk.contract.MaintenanceContract;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceRepository;
import com.produsoft.supportdesk.platform.security.AccessRights;

/**
 * Ten Belgian demo customers, seeded once into an empty register, with every contract state (C1) and contacts
 * designated or not, trained or not (C2). Dates are relative to the day of seeding, so the states hold whenever
 * the demo starts. The companies are invented and their mail domains end in {@code .example}: no real company
 * is ever mailed.
 */
@Component
@Order(AccessRights.ORDER + 2)
@ConditionalOnProperty(name = "support.demo-data.enabled", havingValue = "true")
public class DemoRegister implements ApplicationRunner {

  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  // The demo's products by their catalogue codes: demo data, like the companies below.
  private static final String VISI = "VISI";
  private static final String WORKNC = "WORKNC";
  private static final String EDGECAM = "EDGECAM";
  private static final String RADAN = "RADAN";
  private static final String PEPS = "PEPS";
  private static final String SPACECLAIM = "SPACECLAIM";

  private final CustomerRepository customers;
  private final ContactRepository contacts;
  private final Catalogue catalogue;
  private final LicenceRepository licences;
  private final MaintenanceContractRepository contracts;
  private final ContractEventRepository events;

  public DemoRegister(CustomerRepository customers, ContactRepository contacts, Catalogue catalogue,
      LicenceRepository licences, MaintenanceContractRepository contracts, ContractEventRepository events) {
    this.customers = customers;
    this.contacts = contacts;
    this.catalogue = catalogue;
    this.licences = licences;
    this.contracts = contracts;
    this.events = events;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    seed(LocalDate.now(BRUSSELS));
  }

  /** Seeds the register as it stands on {@code today}; does nothing once it holds a customer. */
  private void seed(LocalDate today) {
    if (customers.count() > 0) {
      return;
    }

    // Active, renewed every year since the Edgecam purchase; the contact other demos use.
    Customer vandamme = customer("Metaalwerken Vandamme NV", "BE0706762091", "+32 51 22 41 80", Language.NL);
    contact(vandamme, "Jan Vandamme", "jan.vandamme@vandamme.example", "+32 475 21 34 56", SYSTEM_RESPONSIBLE)
        .recordTraining(catalogue.reference(EDGECAM), today.minusYears(5));
    contact(vandamme, "Sarah Desmet", "sarah.desmet@vandamme.example", "+32 476 88 12 09", DEPUTY)
        .recordTraining(catalogue.reference(EDGECAM), today.minusYears(2).minusMonths(3));
    contact(vandamme, "Kevin Lefevre", "kevin.lefevre@vandamme.example", "+32 51 22 41 85", OTHER);
    running("MC-%d-0007", today, today.minusYears(5).minusMonths(2),
        onHost(vandamme, EDGECAM, "EC-418207", "HOST-7F3A21", today.minusYears(5).minusMonths(2)),
        onDongle(vandamme, EDGECAM, "EC-418913", "DNG-004512", today.minusYears(3)));

    // Active on VISI and WorkNC; the system responsible was only trained on VISI.
    Customer deSmet = customer("Matrijzenbouw De Smet BV", "BE0750788215", "+32 9 241 56 70", Language.NL);
    contact(deSmet, "Pieter De Smet", "pieter.desmet@desmet-matrijzen.example", "+32 478 30 22 17", SYSTEM_RESPONSIBLE)
        .recordTraining(catalogue.reference(VISI), today.minusYears(7).plusMonths(1));
    Contact vanHecke = contact(deSmet, "Lotte Van Hecke", "lotte.vanhecke@desmet-matrijzen.example",
        "+32 9 241 56 74", DEPUTY);
    vanHecke.recordTraining(catalogue.reference(VISI), today.minusYears(3));
    vanHecke.recordTraining(catalogue.reference(WORKNC), today.minusYears(4).plusMonths(1));
    running("MC-%d-0003", today, today.minusYears(7).minusMonths(4),
        onHost(deSmet, VISI, "VS-220341", "HOST-2C9E04", today.minusYears(7).minusMonths(4)),
        onHost(deSmet, WORKNC, "WN-310558", "HOST-2C9E05", today.minusYears(4)));
    // A second VISI seat, bought later under a contract of its own: its cancellation deadline (C1.4) comes up in
    // three weeks, so the managers' dashboard lists it and the renewal reminder has gone out.
    running("MC-%d-0026", today, today.plusDays(20).plusMonths(3).minusYears(2),
        onHost(deSmet, VISI, "VS-228870", "HOST-2C9F11", today.plusDays(20).plusMonths(3).minusYears(2)));

    // First year of the contract after a recent Radan purchase; the deputy has no training yet.
    Customer peeters = customer("Plaatbewerking Peeters BV", "BE0503852642", "+32 89 35 12 90", Language.NL);
    contact(peeters, "Wim Peeters", "wim.peeters@peeters-plaat.example", "+32 472 64 90 31", SYSTEM_RESPONSIBLE)
        .recordTraining(catalogue.reference(RADAN), today.minusMonths(3));
    contact(peeters, "Ellen Jacobs", "ellen.jacobs@peeters-plaat.example", "+32 89 35 12 93", DEPUTY);
    running("MC-%d-0021", today, today.minusMonths(4),
        onDongle(peeters, RADAN, "RD-507712", "DNG-006127", today.minusMonths(4)));

    // Cancelled in time (C1.4): support ends with the current period, some months from now.
    Customer wavre = customer("Precision Parts Wavre SA", "BE0585456861", "+32 10 23 45 67", Language.EN);
    contact(wavre, "Olivier Dubois", "olivier.dubois@ppwavre.example", "+32 495 17 43 80", SYSTEM_RESPONSIBLE)
        .recordTraining(catalogue.reference(EDGECAM), today.minusYears(3).minusMonths(4));
    contact(wavre, "Claire Martin", "claire.martin@ppwavre.example", "+32 10 23 45 61", DEPUTY)
        .recordTraining(catalogue.reference(EDGECAM), today.minusYears(1));
    cancelled(running("MC-%d-0012", today, today.minusYears(3).minusMonths(5),
        onHost(wavre, EDGECAM, "EC-402266", "HOST-91B7D0", today.minusYears(3).minusMonths(5))),
        today.minusDays(10));

    // Cancelled too late (C1.4 system reading): support runs on to the end of the following period.
    Customer maes = customer("Lasertechniek Maes BV", "BE0498811216", "+32 14 41 77 20", Language.NL);
    contact(maes, "Bart Maes", "bart.maes@maes-laser.example", "+32 479 55 20 64", SYSTEM_RESPONSIBLE)
        .recordTraining(catalogue.reference(RADAN), today.minusYears(2));
    contact(maes, "Inge Verstraeten", "inge.verstraeten@maes-laser.example", "+32 14 41 77 23", DEPUTY)
        .recordTraining(catalogue.reference(RADAN), today.minusYears(1).minusMonths(6));
    cancelled(running("MC-%d-0015", today, today.minusYears(2).plusMonths(2),
        onHost(maes, RADAN, "RD-500874", "HOST-C03D19", today.minusYears(2).plusMonths(2))),
        today.minusDays(10));

    // Lapsed: cancelled a year ago, ended half a year ago (C1.5).
    Customer wouters = customer("Draaierij Wouters NV", "BE0557597669", "+32 9 348 20 15", Language.NL);
    contact(wouters, "Frank Wouters", "frank.wouters@wouters-draaierij.example", "+32 477 81 36 02",
        SYSTEM_RESPONSIBLE).recordTraining(catalogue.reference(WORKNC), today.minusYears(4).minusMonths(3));
    contact(wouters, "Nele Wouters", "nele.wouters@wouters-draaierij.example", "+32 9 348 20 16", DEPUTY)
        .recordTraining(catalogue.reference(WORKNC), today.minusYears(4).minusMonths(3));
    MaintenanceContract lapsed = running("MC-%d-0009", today.minusYears(1), today.minusYears(4).minusMonths(6),
        onHost(wouters, WORKNC, "WN-305127", "HOST-48E6B1", today.minusYears(4).minusMonths(6)));
    cancelled(lapsed, today.minusYears(1));
    lapsed.lapse(today);
    events.save(new ContractEvent(lapsed, ContractEventType.LAPSED, lapsed.getEndsOn().plusDays(1),
        lapsed.getCurrentPeriodStart(), null));

    // Active on PEPS, with a trained programmer who is not designated.
    Customer claes = customer("Draadvonkerij Claes BV", "BE0572770647", "+32 56 37 28 40", Language.NL);
    contact(claes, "Stijn Claes", "stijn.claes@claes-draadvonk.example", "+32 474 09 61 58", SYSTEM_RESPONSIBLE)
        .recordTraining(catalogue.reference(PEPS), today.minusYears(6));
    contact(claes, "Hanne Vermeersch", "hanne.vermeersch@claes-draadvonk.example", "+32 56 37 28 42", DEPUTY)
        .recordTraining(catalogue.reference(PEPS), today.minusYears(2).minusMonths(8));
    contact(claes, "Jonas De Clercq", "jonas.declercq@claes-draadvonk.example", "+32 56 37 28 47", OTHER)
        .recordTraining(catalogue.reference(PEPS), today.minusMonths(9));
    running("MC-%d-0002", today, today.minusYears(6).minusMonths(1),
        onDongle(claes, PEPS, "PP-120884", "DNG-003398", today.minusYears(6).minusMonths(1)));

    // Active on SpaceClaim, answered in English; the deputy has not been trained.
    Customer lambert = customer("Ateliers Mécaniques Lambert SA", "BE0703317207", "+32 4 264 18 33", Language.EN);
    contact(lambert, "Julien Lambert", "julien.lambert@ateliers-lambert.example", "+32 496 72 05 14",
        SYSTEM_RESPONSIBLE).recordTraining(catalogue.reference(SPACECLAIM), today.minusYears(2));
    contact(lambert, "Sophie Renard", "sophie.renard@ateliers-lambert.example", "+32 4 264 18 35", DEPUTY);
    running("MC-%d-0018", today, today.minusYears(2).minusMonths(3),
        onHost(lambert, SPACECLAIM, "SC-660127", "HOST-5D02AF", today.minusYears(2).minusMonths(3)));

    // No contract, but VISI and SpaceClaim were bought two months ago: the first year gives support (C1.1).
    Customer janssens = customer("Kunststoffen Janssens NV", "BE0840566762", "+32 15 28 90 11", Language.NL);
    contact(janssens, "Tine Janssens", "tine.janssens@janssens-kunststoffen.example", "+32 471 38 27 90",
        SYSTEM_RESPONSIBLE).recordTraining(catalogue.reference(VISI), today.minusMonths(1));
    contact(janssens, "Koen Mertens", "koen.mertens@janssens-kunststoffen.example", "+32 15 28 90 14", DEPUTY);
    onHost(janssens, VISI, "VS-231190", "HOST-A41C77", today.minusMonths(2));
    onDongle(janssens, SPACECLAIM, "SC-661502", "DNG-007841", today.minusMonths(2));

    // Never took a contract: the first year ended long ago, no support (C1.1, C1.5).
    Customer goossens = customer("Machinebouw Goossens BV", "BE0829440367", "+32 53 70 44 60", Language.NL);
    contact(goossens, "Dirk Goossens", "dirk.goossens@goossens-machinebouw.example", "+32 473 16 52 88",
        SYSTEM_RESPONSIBLE).recordTraining(catalogue.reference(EDGECAM), today.minusYears(3));
    contact(goossens, "Evelien Smets", "evelien.smets@goossens-machinebouw.example", "+32 53 70 44 62", DEPUTY)
        .recordTraining(catalogue.reference(EDGECAM), today.minusYears(3));
    onHost(goossens, EDGECAM, "EC-395101", "HOST-3E88B2", today.minusYears(3));
  }

  private Customer customer(String companyName, String vatNumber, String phone, Language language) {
    return customers.save(new Customer(companyName, vatNumber, phone, language));
  }

  private Contact contact(Customer customer, String name, String email, String phone, ContactRole role) {
    return contacts.save(new Contact(customer, name, email, phone, role));
  }

  private Licence onHost(Customer customer, String productCode, String licenceNumber, String hostId,
      LocalDate purchased) {
    return licences.save(Licence.onHost(customer, catalogue.reference(productCode), licenceNumber, hostId,
        purchased));
  }

  private Licence onDongle(Customer customer, String productCode, String licenceNumber, String dongleNumber,
      LocalDate purchased) {
    return licences.save(Licence.onDongle(customer, catalogue.reference(productCode), licenceNumber,
        dongleNumber, purchased));
  }

  /**
   * A contract that started on {@code firstYearStart} and renewed itself (C1.2) up to the period holding
   * {@code asOf}. Its number carries the year it started, as {@code MC-2024-0007}. The renewals of the last twelve
   * months are in its history too, as the contract process records them (the managers' monthly counts).
   */
  private MaintenanceContract running(String numberPattern, LocalDate asOf, LocalDate firstYearStart,
      Licence... covered) {
    MaintenanceContract contract = contracts.save(new MaintenanceContract(
        numberPattern.formatted(firstYearStart.getYear()), covered[0].getCustomer(), List.of(covered), firstYearStart));
    LocalDate yearAgo = LocalDate.now(BRUSSELS).minusYears(1);
    while (contract.getCurrentPeriodEnd().isBefore(asOf)) {
      contract.renew();
      if (contract.getCurrentPeriodStart().isAfter(yearAgo)) {
        events.save(new ContractEvent(contract, ContractEventType.RENEWED, contract.getCurrentPeriodStart(),
            contract.getCurrentPeriodStart(), null));
      }
    }
    return contract;
  }

  private MaintenanceContract cancelled(MaintenanceContract contract, LocalDate receivedOn) {
    contract.cancel(receivedOn);
    events.save(new ContractEvent(contract, ContractEventType.CANCELLED, receivedOn, contract.getCurrentPeriodStart(),
        CancellationChannel.MAIL));
    return contract;
  }
}
