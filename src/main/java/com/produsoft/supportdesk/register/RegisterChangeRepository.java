package com.produsoft.supportdesk.register;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegisterChangeRepository extends JpaRepository<RegisterChange, Long> {

  /** The customer's audit trail, newest first. */
  List<RegisterChange> findByCustomerIdOrderByChangedAtDescIdDesc(Long customerId);
}
