package com.produsoft.supportdesk.alert;

import java.util.List;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StaffAlertMailRepository extends JpaRepository<StaffAlertMail, Long> {

  @Query("select m.userId from StaffAlertMail m where m.alert.id = :alertId")
  Set<String> userIdsMailed(@Param("alertId") long alertId);

  @Query("select m from StaffAlertMail m where m.alert.eonNumber = :eonNumber order by m.id")
  List<StaffAlertMail> findByEonNumber(@Param("eonNumber") String eonNumber);
}
