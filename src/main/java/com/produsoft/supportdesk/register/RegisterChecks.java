package com.produsoft.supportdesk.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.produsoft.supportdesk.customer.ContactData;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerData;

/**
 * The rules a register entry must meet on its own, the same for the staff pages and the CSV import; what depends on
 * the rest of the register (a VAT number or e-mail address taken, a second system responsible) is checked by their
 * callers. Field names are the forms' (camel case); the import names them after its columns.
 */
final class RegisterChecks {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private RegisterChecks() {
  }

  static List<Problem> customer(CustomerData data) {
    List<Problem> problems = new ArrayList<>();
    required(problems, "companyName", data.companyName(), 200);
    if (required(problems, "vatNumber", data.vatNumber(), 12) && !data.vatNumber().matches(Customer.VAT_PATTERN)) {
      problems.add(Problem.of("vatNumber", "vat"));
    }
    optional(problems, "street", data.street(), 200);
    optional(problems, "postalCode", data.postalCode(), 10);
    optional(problems, "city", data.city(), 100);
    optional(problems, "phone", data.phone(), 30);
    if (data.language() == null) {
      problems.add(Problem.of("language", "required"));
    }
    return problems;
  }

  static List<Problem> contact(ContactData data) {
    List<Problem> problems = new ArrayList<>();
    required(problems, "name", data.name(), 200);
    if (required(problems, "email", data.email(), 255) && !EMAIL.matcher(data.email()).matches()) {
      problems.add(Problem.of("email", "email"));
    }
    optional(problems, "phone", data.phone(), 30);
    if (data.role() == null) {
      problems.add(Problem.of("role", "required"));
    }
    return problems;
  }

  /** C10.3: a licence of a known product, bound to a host id or to a dongle, bought on a day that has come. */
  static List<Problem> licence(LicenceData data, Set<String> productCodes, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    required(problems, "licenceNumber", data.licenceNumber(), 50);
    if (data.productCode() == null) {
      problems.add(Problem.of("productCode", "required"));
    } else if (!productCodes.contains(data.productCode())) {
      problems.add(Problem.of("productCode", "product", String.join(", ", productCodes)));
    }
    if ((data.hostId() == null) == (data.dongleNumber() == null)) {
      problems.add(Problem.of("hostId", "hardware"));
    }
    optional(problems, "hostId", data.hostId(), 50);
    optional(problems, "dongleNumber", data.dongleNumber(), 50);
    pastDay(problems, "purchaseDate", data.purchaseDate(), today);
    return problems;
  }

  static List<Problem> contract(ContractData data, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    required(problems, "contractNumber", data.contractNumber(), 20);
    pastDay(problems, "firstYearStart", data.firstYearStart(), today);
    if (data.licenceNumbers().isEmpty()) {
      problems.add(Problem.of("licenceNumbers", "noLicence"));
    }
    return problems;
  }

  static void pastDay(List<Problem> problems, String field, LocalDate day, LocalDate today) {
    if (day == null) {
      problems.add(Problem.of(field, "required"));
    } else if (day.isAfter(today)) {
      problems.add(Problem.of(field, "future"));
    }
  }

  /** Answers whether the value is there and fits. */
  private static boolean required(List<Problem> problems, String field, String value, int maxLength) {
    if (value == null) {
      problems.add(Problem.of(field, "required"));
      return false;
    }
    return optional(problems, field, value, maxLength);
  }

  private static boolean optional(List<Problem> problems, String field, String value, int maxLength) {
    if (value != null && value.length() > maxLength) {
      problems.add(Problem.of(field, "tooLong", maxLength));
      return false;
    }
    return true;
  }
}
