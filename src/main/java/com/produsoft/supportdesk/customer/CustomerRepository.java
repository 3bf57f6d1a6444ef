package com.produsoft.supportdesk.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

  /** Company names are not unique keys, so a web form's company name (C4.1) may match several customers. */
  List<Customer> findByCompanyNameIgnoreCase(String companyName);

  Optional<Customer> findByVatNumber(String vatNumber);

  /** The register's list page: a part of the company name or of the VAT number. */
  Page<Customer> findByCompanyNameContainingIgnoreCaseOrVatNumberContaining(String namePart, String vatPart,
      Pageable page);

  /** By a VAT number in any usual notation: {@code BE 0123.456.789}, {@code be0123456789}. */
  default Optional<Customer> findByVat(String vatNumber) {
    return findByVatNumber(Customer.normalizeVat(vatNumber));
  }
}
