package com.produsoft.supportdesk.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactRepository extends JpaRepository<Contact, Long> {

  Optional<Contact> findByEmail(String normalizedEmail);

  /** The contact who wrote from this address, whatever its case or surrounding blanks. */
  default Optional<Contact> findByEmailIgnoringCase(String email) {
    return email == null ? Optional.empty() : findByEmail(Contact.normalizeEmail(email));
  }

  List<Contact> findByCustomerId(Long customerId);

  /** C2.1: the addresses of the customer's system responsible and deputy, who receive its letters. */
  default List<String> designatedAddresses(Long customerId) {
    return findByCustomerId(customerId).stream()
        .filter(contact -> contact.getRole().isDesignated())
        .map(Contact::getEmail)
        .sorted()
        .toList();
  }
}
