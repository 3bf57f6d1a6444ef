package com.produsoft.supportdesk.ticket;

import java.util.List;
import java.util.Map;

/**
 * What the supplier already knows of a product, shown on the triage form: its supplier bugs still open with the EON
 * numbers waiting for them (C7.2: link instead of reporting again) and its wish list (C7.3). The supplier module
 * answers; the ticket module owns the question so that it does not depend on the supplier module.
 */
public interface KnownIssues {

  List<Map<String, Object>> openBugs(String productCode);

  List<Map<String, Object>> openWishes(String productCode);
}
