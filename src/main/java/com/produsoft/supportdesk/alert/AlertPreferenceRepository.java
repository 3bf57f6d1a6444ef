package com.produsoft.supportdesk.alert;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AlertPreferenceRepository extends JpaRepository<AlertPreference, String> {

  /** The user's choices, or every alert on in Dutch when the user never chose. */
  default AlertPreference of(String userId) {
    return findById(userId).orElseGet(() -> AlertPreference.defaults(userId));
  }
}
