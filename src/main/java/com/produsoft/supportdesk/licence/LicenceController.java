package com.produsoft.supportdesk.licence;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API of the licence register (C10.3): a licence's hardware history. Who may call it: {@link LicenceUrlRules}
 * (support teams, leads, administration).
 */
@RestController
@RequestMapping("/api")
class LicenceController {

  private final LicenceRegister register;

  LicenceController(LicenceRegister register) {
    this.register = register;
  }

  record BindingView(String hostId, String dongleNumber, Instant boundFrom, Instant boundUntil,
      LicenceBinding.EndedBecause endedBecause, String transferRequest) {

    static BindingView of(LicenceBinding binding) {
      return new BindingView(binding.getHostId(), binding.getDongleNumber(), binding.getBoundFrom(),
          binding.getBoundUntil(), binding.getEndedBecause(),
          binding.getTransferRequestId() == null ? null : "LTR-" + binding.getTransferRequestId());
    }
  }

  /** C10.3: the licence's hardware bindings, oldest first; the last one without boundUntil is current. */
  @GetMapping("/licences/{number}/bindings")
  List<BindingView> bindings(@PathVariable String number) {
    return register.history(number).stream().map(BindingView::of).toList();
  }
}
