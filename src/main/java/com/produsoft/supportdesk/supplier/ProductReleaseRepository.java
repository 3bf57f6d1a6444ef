package com.produsoft.supportdesk.supplier;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProductReleaseRepository extends JpaRepository<ProductRelease, Long> {

  Optional<ProductRelease> findByProductCodeAndVersion(String productCode, String version);
}
