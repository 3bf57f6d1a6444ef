package com.produsoft.supportdesk.licencetransfer;

import com.produsoft.supportdesk.licence.LicenceBinding.EndedBecause;

/** Why a licence must move (C10, C3.5, C3.6, C3.8); theft, loss and fire block the old licence or dongle. */
public enum TransferReason {
  NEW_COMPUTER(EndedBecause.RELEASED),
  SERVER_REPLACEMENT(EndedBecause.RELEASED),
  OS_REINSTALLATION(EndedBecause.RELEASED),
  DEFECT(EndedBecause.RELEASED),
  THEFT(EndedBecause.BLOCKED),
  FIRE(EndedBecause.BLOCKED),
  LOST_DONGLE(EndedBecause.BLOCKED);

  private final EndedBecause oldBindingEnds;

  TransferReason(EndedBecause oldBindingEnds) {
    this.oldBindingEnds = oldBindingEnds;
  }

  /** What happens to the old hardware's binding: released, or blocked so that nobody uses it again. */
  public EndedBecause oldBindingEnds() {
    return oldBindingEnds;
  }
}
