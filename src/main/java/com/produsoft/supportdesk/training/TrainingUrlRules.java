package com.produsoft.supportdesk.training;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.platform.security.UrlRules;

/** Trainings and user days (C11): the coordinator organises; administration and leads register too. */
@Component
class TrainingUrlRules implements UrlRules {

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests
        .requestMatchers("/api/user-days/**").hasAnyAuthority(
            UrlRules.authorities(List.of(Roles.TRAINING, Roles.CAMUNDA_ADMIN)))
        .requestMatchers("/api/trainings/**").hasAnyAuthority(UrlRules.authorities(
            List.of(Roles.TRAINING, Roles.ADMINISTRATION, Roles.SUPPORT_LEADS, Roles.CAMUNDA_ADMIN)));
  }
}
