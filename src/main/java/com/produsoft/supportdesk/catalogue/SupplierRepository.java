package com.produsoft.supportdesk.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;

/** Read only through {@link Catalogue}. */
interface SupplierRepository extends JpaRepository<Supplier, Long> {
}
