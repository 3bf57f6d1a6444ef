package com.produsoft.supportdesk.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer of {@link EntitlementService#check}: is the customer under contract for the product (C1), and is
 * the contact designated (C2.1) and trained (C2.2)? The findings say why not, each citing its charter rule.
 *
 * @param customerId the customer found (given, or the contact's), or null when unknown
 * @param underContract C1.1 first year after a licence purchase, or a maintenance contract that covers the day
 * @param contractNumber the contract that gives support, null without one (unknown or first year only)
 * @param designatedContact C2.1 the contact is the system responsible or the deputy of this customer
 * @param trainedContact C2.2 the contact followed the training on this product on or before the day
 * @param findings what the engineer should know, in the order checked; empty when all is well
 */
public record Entitlement(Long customerId, boolean underContract, String contractNumber, boolean designatedContact,
    boolean trainedContact, List<Finding> findings) {

  /** One fact worth telling the engineer, with the charter rule it comes from (e.g. {@code C2.2}). */
  public record Finding(String rule, String message) {

    @Override
    public String toString() {
      return rule + " " + message;
    }
  }

  public Entitlement {
    findings = List.copyOf(findings);
  }

  /** Support as the charter promises it: under contract, asked by a designated and trained contact. */
  public boolean entitled() {
    return underContract && designatedContact && trainedContact;
  }

  /** The findings as one line for the engineer and the customer (C2.2 system reading), null when none. */
  public String warning() {
    return findings.isEmpty() ? null : findings.stream().map(Finding::toString).collect(Collectors.joining("; "));
  }
}
