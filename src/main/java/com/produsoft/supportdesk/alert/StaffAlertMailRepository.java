package com.produsoft.supportdesk.alert;

import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffAlertMailRepository extends JpaRepository<StaffAlertMail, Long> {

  @Query("select m.userId from StaffAlertMail m where m.alert.id = :alertId")
  Set<String> userIdsMailed(@Param("alertId") long alertId);
}
