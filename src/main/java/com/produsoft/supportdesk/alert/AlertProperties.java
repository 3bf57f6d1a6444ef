package com.produsoft.supportdesk.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param staffBaseUrl where the staff reach Tasklist and the preferences page (links in alert mails)
 * @param sending whether this node sends the pending alerts every {@code sendInterval} (off in tests, which call
 *     {@link StaffAlertMailer#sendDue()} themselves)
 * @param sendInterval how often the outbox is read
 * @param maxAttempts attempts per alert before it is given up (FAILED, logged as an error)
 * @param retryDelay the wait before the next attempt after a failure
 * @param maxAge an alert not mailed within this time after its event is dropped (EXPIRED): stale news helps nobody
 */
@ConfigurationProperties("support.alerts")
public record AlertProperties(
    @DefaultValue("http://localhost:8080") String staffBaseUrl,
    @DefaultValue("true") boolean sending,
    @DefaultValue("PT10S") Duration sendInterval,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("PT5M") Duration retryDelay,
    @DefaultValue("PT12H") Duration maxAge) {

  String baseUrl() {
    return staffBaseUrl.replaceAll("/+$", "");
  }

  /** Tasklist with the task open, or Tasklist itself when there is no task to open. */
  String taskUrl(String taskId) {
    return baseUrl() + "/camunda/app/tasklist/default/" + (taskId == null ? "" : "#/?task=" + taskId);
  }

  String preferencesUrl() {
    return baseUrl() + StaffPreferencesController.PATH;
  }
}
