package com.produsoft.supportdesk.supplier;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code ProductReleaseProcess} (C3.2), wired by {@code camunda:delegateExpression}. */
@Configuration
class ProductReleaseDelegates {

  private final ProductReleases releases;

  ProductReleaseDelegates(ProductReleases releases) {
    this.releases = releases;
  }

  /**
   * Ids as the Tasklist start form sends them ("12, 15") or the API (a list of numbers).
   */
  static List<Long> ids(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> numbers) {
      return numbers.stream().map(number -> ((Number) number).longValue()).toList();
    }
    return Arrays.stream(value.toString().split("[,;\\s]+")).filter(id -> !id.isBlank()).map(Long::valueOf).toList();
  }

  /** The start form's date field submits an ISO date; the API too. */
  private static LocalDate date(DelegateExecution execution) {
    String text = (String) execution.getVariable("releaseDate");
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  @Bean
  JavaDelegate registerRelease() {
    return execution -> {
      var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      ProductReleases.Registered registered = releases.register((String) execution.getVariable("product"),
          ((String) execution.getVariable("version")).strip(), date(execution),
          ids(execution.getVariable("supplierBugIds")), ids(execution.getVariable("wishIds")),
          authentication == null ? (String) execution.getVariable("registeredBy") : authentication.getUserId());
      execution.setVariable("releaseId", registered.release().getId());
      execution.setVariable("fixedBugIds", registered.fixedBugIds());
      execution.setVariable("releasedWishIds", registered.releasedWishIds());
      execution.setVariable("wishBackerIds", registered.backerIdsToNotify());
    };
  }

  @Bean
  JavaDelegate notifyWishBacker() {
    return execution -> releases.notifyBacker(((Number) execution.getVariable("wishBackerId")).longValue());
  }
}
