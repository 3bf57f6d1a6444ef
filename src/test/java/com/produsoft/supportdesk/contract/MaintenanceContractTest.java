package com.produsoft.supportdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;

class MaintenanceContractTest {

  private static final LocalDate START = LocalDate.of(2024, 1, 1);

  private final MaintenanceContract contract =
      new MaintenanceContract("MC-2024-0001", new Customer("Test NV", "BE0123456749", null, Language.NL), List.of(),
          START);

  @Test
  @DisplayName("C1.1 a new contract is in its first year, which ends the day before the purchase's anniversary")
  void firstYear() {
    assertThat(contract.getStatus()).isEqualTo(ContractStatus.FIRST_YEAR);
    assertThat(contract.getCurrentPeriodEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
  }

  @Test
  @DisplayName("C1.2 renewal starts the next one-year period and makes the contract active")
  void renews() {
    contract.renew();

    assertThat(contract.getStatus()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(contract.getCurrentPeriodStart()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(contract.getCurrentPeriodEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  @DisplayName("C1.4 a cancellation received three months before the next period ends the contract with this period")
  void cancelledInTime() {
    contract.cancel(LocalDate.of(2024, 10, 1));

    assertThat(contract.getStatus()).isEqualTo(ContractStatus.CANCELLED);
    assertThat(contract.getEndsOn()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(contract.covers(LocalDate.of(2024, 12, 31))).isTrue();
    assertThat(contract.covers(LocalDate.of(2025, 1, 1))).isFalse();
  }

  @Test
  @DisplayName("C1.4 system reading: a cancellation after the deadline ends the contract with the following period")
  void cancelledLate() {
    contract.cancel(LocalDate.of(2024, 10, 2));

    assertThat(contract.getEndsOn()).isEqualTo(LocalDate.of(2025, 12, 31));
    contract.renew();
    assertThat(contract.getStatus()).isEqualTo(ContractStatus.CANCELLED);
    assertThatIllegalStateException().isThrownBy(contract::renew);
  }

  @Test
  @DisplayName("C1.5 a cancelled contract lapses only after its last day, and then covers nothing")
  void lapses() {
    contract.cancel(LocalDate.of(2024, 5, 1));

    assertThatIllegalStateException().isThrownBy(() -> contract.lapse(LocalDate.of(2024, 12, 31)));
    contract.lapse(LocalDate.of(2025, 1, 1));
    assertThat(contract.getStatus()).isEqualTo(ContractStatus.LAPSED);
    assertThat(contract.covers(LocalDate.of(2024, 6, 1))).isFalse();
  }

  @Test
  @DisplayName("C1.4 the contract ends with this period only when cancelled by the deadline")
  void endsWithCurrentPeriod() {
    assertThat(contract.endsWithCurrentPeriod()).isFalse();
    contract.cancel(LocalDate.of(2024, 10, 2));
    assertThat(contract.endsWithCurrentPeriod()).isFalse();
    contract.renew();
    assertThat(contract.endsWithCurrentPeriod()).isTrue();
  }

  @Test
  @DisplayName("C1.5 a lapsed contract is reinstated with a new period from that day; the gap stays uncovered")
  void reinstated() {
    assertThatIllegalStateException().isThrownBy(() -> contract.reinstate(LocalDate.of(2024, 6, 1)));
    contract.cancel(LocalDate.of(2024, 5, 1));
    contract.lapse(LocalDate.of(2025, 1, 1));

    contract.reinstate(LocalDate.of(2025, 4, 15));

    assertThat(contract.getStatus()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(contract.isRunning()).isTrue();
    assertThat(contract.getCurrentPeriodStart()).isEqualTo(LocalDate.of(2025, 4, 15));
    assertThat(contract.getCurrentPeriodEnd()).isEqualTo(LocalDate.of(2026, 4, 14));
    assertThat(contract.getEndsOn()).isNull();
    assertThat(contract.coverageStart()).isEqualTo(LocalDate.of(2025, 4, 15));
    assertThat(contract.covers(LocalDate.of(2025, 4, 14))).isFalse();
    assertThat(contract.covers(LocalDate.of(2025, 4, 15))).isTrue();
  }
}
