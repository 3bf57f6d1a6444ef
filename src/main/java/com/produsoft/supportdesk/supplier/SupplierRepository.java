package com.produsoft.supportdesk.supplier;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupplierRepository extends JpaRepository<Supplier, Long> {

  Optional<Supplier> findByName(String name);
}
