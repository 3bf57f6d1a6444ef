package com.produsoft.supportdesk.intake.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.UrlPathHelper;

/**
 * The customers' pages speak Dutch unless the visitor chose English with {@code ?lang=en}; the choice is kept in a
 * cookie (no session). Every other URL keeps following the browser's Accept-Language, as before; the staff pages
 * ({@code /staff/...}) too, Dutch when the browser asks for no language.
 */
@Configuration
class SupportWebConfig implements WebMvcConfigurer {

  static final Locale DUTCH = Locale.forLanguageTag("nl");
  static final String PAGES = "/support";

  private static final UrlPathHelper PATHS = new UrlPathHelper();

  /** @param secureCookies behind TLS: cookies travel over https only (support.security.secure-cookies) */
  @Bean
  LocaleResolver localeResolver(@Value("${support.security.secure-cookies:false}") boolean secureCookies) {
    CookieLocaleResolver resolver = new CookieLocaleResolver("SUPPORT-LANG");
    resolver.setCookiePath(PAGES);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSecure(secureCookies);
    // The originating URI, so that error pages rendered for a support page (413, 429) speak its language too. The
    // staff pages follow the browser, as Tasklist does, but are Dutch when it says nothing.
    resolver.setDefaultLocaleFunction(request -> {
      String uri = PATHS.getOriginatingRequestUri(request);
      boolean browserSilent = request.getHeader("Accept-Language") == null;
      return isSupportPage(uri) || isStaffPage(uri) && browserSilent ? DUTCH : request.getLocale();
    });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
    languageSwitch.setParamName("lang");
    languageSwitch.setIgnoreInvalidLocale(true);
    registry.addInterceptor(languageSwitch).addPathPatterns(PAGES, PAGES + "/**");
  }

  static boolean isStaffPage(String uri) {
    return uri != null && uri.startsWith("/staff/");
  }

  static boolean isSupportPage(String uri) {
    return uri != null && (uri.equals(PAGES) || uri.startsWith(PAGES + "/"));
  }
}
