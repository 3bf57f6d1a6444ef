package com.produsoft.supportdesk.licence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The register of which hardware each licence is bound to, and since when (C10.3). A licence is never bound to
 * two machines at once: a move locks the licence's row, checks that the licence still sits on the hardware the
 * request names, ends the current binding and starts the next one; the unique {@code active_licence_id} makes the
 * database refuse a second current binding even if that locking were bypassed.
 */
@Service
@Transactional
public class LicenceRegister {

  private final LicenceRepository licences;
  private final LicenceBindingRepository bindings;

  public LicenceRegister(LicenceRepository licences, LicenceBindingRepository bindings) {
    this.licences = licences;
    this.bindings = bindings;
  }

  /** The licence of this number, if the register holds it. */
  public Optional<Licence> find(String licenceNumber) {
    return licences.findByLicenceNumber(licenceNumber);
  }

  /** The licence's bindings, oldest first; the last one is current. */
  public List<LicenceBinding> history(String licenceNumber) {
    Licence licence = licences.lockByLicenceNumber(licenceNumber)
        .orElseThrow(() -> new LicenceNotFoundException(licenceNumber));
    currentBinding(licence);
    return bindings.findByLicenceOrderByBoundFromAscIdAsc(licence);
  }

  /**
   * C10.3, C3.5, C3.6: moves the licence from {@code oldHardware} to {@code newHardware} now.
   *
   * @throws LicenceMoveConflictException when the licence is no longer on {@code oldHardware}: another move came
   *     first, and this request must be looked at again rather than move the licence a second time
   */
  public LicenceBinding move(String licenceNumber, String oldHardware, String newHardware,
      LicenceBinding.EndedBecause because, Long transferRequestId) {
    Licence licence = licences.lockByLicenceNumber(licenceNumber)
        .orElseThrow(() -> new LicenceNotFoundException(licenceNumber));
    if (!licence.getHardware().equals(oldHardware)) {
      throw new LicenceMoveConflictException("Licence " + licenceNumber + " is bound to " + licence.getHardware()
          + ", not to " + oldHardware + ": it was moved in the meantime");
    }
    Instant now = EngineClock.now();
    currentBinding(licence).end(now, because);
    // The ended row must give up active_licence_id before the next row claims it: Hibernate would insert first.
    bindings.flush();
    licence.rebind(newHardware);
    licences.saveAndFlush(licence);
    return bindings.saveAndFlush(LicenceBinding.current(licence, now, transferRequestId));
  }

  /** The current binding; a licence registered before the history existed gets one from its purchase date. */
  private LicenceBinding currentBinding(Licence licence) {
    return bindings.findByActiveLicenceId(licence.getId()).orElseGet(() -> bindings.saveAndFlush(
        LicenceBinding.current(licence, licence.getPurchaseDate().atStartOfDay(EngineClock.BRUSSELS).toInstant(),
            null)));
  }
}
