package com.produsoft.supportdesk.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.produsoft.supportdesk.contract.ContractStatus;
import com.produsoft.supportdesk.contract.MaintenanceContract;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.CustomerData;
import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceBinding;
import com.produsoft.supportdesk.platform.EngineClock;

/** A customer's page: its data, contacts, licences with their hardware history, contracts and audit trail. */
public record CustomerView(Long id, int version, CustomerData data, List<ContactRow> contacts,
    List<LicenceRow> licences, List<ContractRow> contracts, List<RegisterChange> changes) {

  /** C2.1, C2.2: a contact, its role and the day of its training per product. */
  public record ContactRow(Long id, String name, String email, String phone, ContactRole role,
      Map<String, LocalDate> trainings) {

    static ContactRow of(Contact contact) {
      return new ContactRow(contact.getId(), contact.getName(), contact.getEmail(), contact.getPhone(),
          contact.getRole(), new TreeMap<>(contact.getTrainings()));
    }
  }

  /** C10.3: a licence, its hardware now and the bindings before, oldest first. */
  public record LicenceRow(String licenceNumber, String productName, boolean onDongle, String hardware,
      LocalDate purchaseDate, List<BindingRow> bindings) {

    static LicenceRow of(Licence licence, List<LicenceBinding> history) {
      List<BindingRow> rows = history.isEmpty()
          // Registered before its history: bound to its hardware since it was bought.
          ? List.of(new BindingRow(licence.getHardware(), licence.getPurchaseDate().toString(), null, null))
          : history.stream().map(binding -> new BindingRow(
              binding.getDongleNumber() != null ? binding.getDongleNumber() : binding.getHostId(),
              day(binding.getBoundFrom()), binding.getBoundUntil() == null ? null : day(binding.getBoundUntil()),
              binding.getEndedBecause() == null ? null : binding.getEndedBecause().name())).toList();
      return new LicenceRow(licence.getLicenceNumber(), licence.getProduct().getName(), licence.isOnDongle(),
          licence.getHardware(), licence.getPurchaseDate(), rows);
    }

    private static String day(Instant instant) {
      return instant.atZone(EngineClock.BRUSSELS).toLocalDate().toString();
    }
  }

  /** One period of a licence on one host id or dongle; {@code until} is null for the current one. */
  public record BindingRow(String hardware, String from, String until, String endedBecause) {
  }

  /** C1: a contract, its state and current period, and the licences it covers. */
  public record ContractRow(String contractNumber, ContractStatus status, LocalDate firstYearStart,
      LocalDate periodStart, LocalDate periodEnd, LocalDate endsOn, List<String> licenceNumbers) {

    static ContractRow of(MaintenanceContract contract) {
      return new ContractRow(contract.getContractNumber(), contract.getStatus(), contract.getFirstYearStart(),
          contract.getCurrentPeriodStart(), contract.getCurrentPeriodEnd(), contract.getEndsOn(),
          contract.getLicences().stream().map(Licence::getLicenceNumber).sorted().toList());
    }
  }
}
