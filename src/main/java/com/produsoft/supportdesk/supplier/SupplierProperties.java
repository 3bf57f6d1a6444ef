package com.produsoft.supportdesk.supplier;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.produsoft.supportdesk.catalogue.Supplier;

/**
 * How each supplier's mails are read (C7.2), keyed by the supplier's name in lower case:
 * {@code support.suppliers.hexagon.case-pattern}.
 *
 * @param suppliers per supplier: {@code case-pattern} recognises the supplier's own case number in its mails
 *     (group 1 if the pattern has one, else the whole match); {@code fixed-pattern} recognises "fixed in version
 *     X" (group 1 = the version), by default in English
 */
@ConfigurationProperties("support")
public record SupplierProperties(@DefaultValue Map<String, MailPatterns> suppliers) {

  static final String DEFAULT_FIXED_PATTERN = "(?i)\\bfixed in (?:version |release )?v?(\\d[\\w.\\-]*\\w)";

  public record MailPatterns(String casePattern, String fixedPattern) {
  }

  Optional<Pattern> casePattern(Supplier supplier) {
    return Optional.ofNullable(patterns(supplier).casePattern()).map(Pattern::compile);
  }

  Pattern fixedPattern(Supplier supplier) {
    String fixed = patterns(supplier).fixedPattern();
    return Pattern.compile(fixed == null ? DEFAULT_FIXED_PATTERN : fixed);
  }

  private MailPatterns patterns(Supplier supplier) {
    return suppliers.getOrDefault(supplier.getName().toLowerCase(Locale.ROOT), new MailPatterns(null, null));
  }
}
