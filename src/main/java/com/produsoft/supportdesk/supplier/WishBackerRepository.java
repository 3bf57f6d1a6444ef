package com.produsoft.supportdesk.supplier;

import org.springframework.data.jpa.repository.JpaRepository;

interface WishBackerRepository extends JpaRepository<WishBacker, Long> {
}
