package com.produsoft.supportdesk.supplier;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WishListRepository extends JpaRepository<WishListItem, Long> {

  Optional<WishListItem> findByProductCodeAndNormalisedTitle(String productCode, String normalisedTitle);

  /** Wishes the supplier planned for a version: a release of that version includes them. */
  List<WishListItem> findByProductCodeAndStatusAndTargetVersion(String productCode, WishStatus status,
      String targetVersion);

  List<WishListItem> findByProductCodeAndStatusNotOrderByCreatedAtDesc(String productCode, WishStatus status);
}
