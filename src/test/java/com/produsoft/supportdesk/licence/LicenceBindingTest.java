package com.produsoft.supportdesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.licence.LicenceBinding.EndedBecause;

/**
 * C10.3: a licence is never bound to two machines at once, not even when two requests move it at the same moment.
 * Only the persistence layer on the real schema (Liquibase on H2 in memory), without the engine: quick. Not
 * transactional, so that each move commits on its own as in the application.
 */
@DataJpaTest
@Import({ LicenceRegister.class, Catalogue.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LicenceBindingTest {

  private static final AtomicInteger NUMBERS = new AtomicInteger();

  @Autowired
  LicenceRegister register;
  @Autowired
  LicenceRepository licences;
  @Autowired
  LicenceBindingRepository bindings;
  @Autowired
  CustomerRepository customers;
  @Autowired
  Catalogue catalogue;
  @Autowired
  TransactionTemplate transaction;

  private String newLicenceOnHost(String hostId) {
    String number = "EC-T" + NUMBERS.incrementAndGet() + "-" + System.nanoTime() % 100000;
    transaction.executeWithoutResult(status -> {
      Customer customer = customers.save(new Customer("Binding Test " + number, "BE1" + (100000000L + System.nanoTime() % 800000000L), "+32 9 000 00 00",
          Language.EN));
      licences.save(Licence.onHost(customer, catalogue.reference("EDGECAM"), number, hostId,
          LocalDate.of(2023, 5, 1)));
    });
    return number;
  }

  @Test
  @DisplayName("C10.3: the first move keeps the purchase binding as history and ends it; the licence follows")
  void moveEndsTheOldBindingAndStartsTheNext() {
    String number = newLicenceOnHost("HOST-OLD");

    register.move(number, "HOST-OLD", "HOST-NEW", EndedBecause.RELEASED, null);

    List<LicenceBinding> history = register.history(number);
    assertThat(history).extracting(LicenceBinding::getHostId).containsExactly("HOST-OLD", "HOST-NEW");
    assertThat(history.get(0).getBoundUntil()).isEqualTo(history.get(1).getBoundFrom());
    assertThat(history.get(0).getEndedBecause()).isEqualTo(EndedBecause.RELEASED);
    assertThat(history.get(1).isCurrent()).isTrue();
    assertThat(licences.findByLicenceNumber(number).orElseThrow().getHostId()).isEqualTo("HOST-NEW");
  }

  @Test
  @DisplayName("C10.3: two requests moving one licence at the same time: exactly one wins, one current binding, no overlap")
  void twoParallelMovesOfOneLicence() throws Exception {
    String number = newLicenceOnHost("HOST-A");
    register.history(number);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<String>> moves = new ArrayList<>();
    for (String target : List.of("HOST-B", "HOST-C")) {
      moves.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
          register.move(number, "HOST-A", target, EndedBecause.RELEASED, null);
          return target;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }));
    }
    start.countDown();

    List<String> winners = new ArrayList<>();
    List<Throwable> losers = new ArrayList<>();
    for (CompletableFuture<String> move : moves) {
      try {
        winners.add(move.get(30, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException e) {
        losers.add(e.getCause());
      }
    }

    assertThat(winners).hasSize(1);
    assertThat(losers).singleElement().isInstanceOf(LicenceMoveConflictException.class);
    List<LicenceBinding> history = register.history(number);
    assertThat(history).extracting(LicenceBinding::getHostId).containsExactly("HOST-A", winners.get(0));
    assertThat(history).filteredOn(LicenceBinding::isCurrent).hasSize(1);
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i - 1).getBoundUntil()).isNotNull().isBeforeOrEqualTo(history.get(i).getBoundFrom());
    }
  }

  @Test
  @DisplayName("C10.3: the database itself refuses a second current binding of a licence")
  void databaseRefusesASecondCurrentBinding() {
    String number = newLicenceOnHost("HOST-X");
    register.history(number);

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      Licence licence = licences.findByLicenceNumber(number).orElseThrow();
      bindings.saveAndFlush(LicenceBinding.current(licence, com.produsoft.supportdesk.platform.EngineClock.now(),
          null));
    })).isInstanceOf(DataIntegrityViolationException.class);
  }
}
