package com.produsoft.supportdesk.licencetransfer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a customer asks to move (C10.1): the licences, why, from which hardware to which. {@code newHardware} is
 * the new host id; for a dongle it may stay empty, the administration then issues the replacement's number.
 *
 * @param eonNumber the ticket the request came from, or null
 */
public record NewLicenceRequest(String contactEmail, List<String> licenceNumbers, TransferReason reason,
    String oldHardware, String newHardware, String eonNumber) {

  /** The process variables LicenceTransferProcess starts with (the start form's fields). */
  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("contactEmail", contactEmail);
    variables.put("licenceNumbers", licenceNumbers == null ? null : String.join(", ", licenceNumbers));
    variables.put("reason", reason == null ? null : reason.name());
    variables.put("oldHardware", oldHardware);
    variables.put("newHardware", newHardware);
    variables.put("eonNumber", eonNumber);
    return variables;
  }
}
