package com.produsoft.supportdesk.supplier;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductRepository extends JpaRepository<Product, String> {

  /** The product whose support mailbox received a mail (C5.2), e.g. {@code edgecam.support@produsoft.com}. */
  Optional<Product> findBySupportMailboxIgnoreCase(String supportMailbox);
}
