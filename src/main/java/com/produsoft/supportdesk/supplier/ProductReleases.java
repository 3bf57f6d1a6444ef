package com.produsoft.supportdesk.supplier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.ticket.CustomerMails;

/**
 * C3.2: a product release registered by the administration. It ships the supplier bugs named, and those the
 * supplier planned for this version; likewise the wishes. Every escalation waiting for such a bug gets
 * {@code FixReleased} (its ticket then sends the solution: one mail per ticket); every backer of such a wish is
 * notified once, each by a step of its own. {@link ProductReleased} is published for what a release starts
 * later (C11.1 update trainings).
 */
@Service
@Transactional
public class ProductReleases {

  public static final String PROCESS_KEY = "ProductReleaseProcess";

  private final ProductReleaseRepository releases;
  private final Catalogue catalogue;
  private final SupplierBugRepository bugs;
  private final EscalationRepository escalations;
  private final WishListRepository wishes;
  private final WishBackerRepository backers;
  private final CustomerMails customerMails;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;

  public ProductReleases(ProductReleaseRepository releases, Catalogue catalogue, SupplierBugRepository bugs,
      EscalationRepository escalations, WishListRepository wishes, WishBackerRepository backers,
      CustomerMails customerMails, RuntimeService runtimeService, ApplicationEventPublisher events) {
    this.releases = releases;
    this.catalogue = catalogue;
    this.bugs = bugs;
    this.escalations = escalations;
    this.wishes = wishes;
    this.backers = backers;
    this.customerMails = customerMails;
    this.runtimeService = runtimeService;
    this.events = events;
  }

  /** What a registration did: the backers still to be told, one step each. */
  public record Registered(ProductRelease release, List<Long> fixedBugIds, List<Long> releasedWishIds,
      List<Long> backerIdsToNotify) {
  }

  public Registered register(String productCode, String version, LocalDate releaseDate,
      Collection<Long> supplierBugIds, Collection<Long> wishIds, String registeredBy) {
    Product product = catalogue.product(productCode)
        .orElseThrow(() -> new IllegalArgumentException("Unknown product " + productCode));
    if (releases.findByProductCodeAndVersion(productCode, version).isPresent()) {
      throw new IllegalArgumentException(product.getName() + " " + version + " is registered already");
    }
    ProductRelease release = releases.save(new ProductRelease(product, version, releaseDate, EngineClock.now(),
        registeredBy));

    Set<SupplierBug> fixed = new LinkedHashSet<>(bugs.findByProductCodeAndStatusAndTargetVersion(productCode,
        SupplierBugStatus.FIX_PLANNED, version));
    supplierBugIds.forEach(id -> fixed.add(bugs.findById(id)
        .filter(bug -> bug.getProduct().getCode().equals(productCode))
        .orElseThrow(() -> new IllegalArgumentException("No supplier bug #" + id + " of " + productCode))));
    for (SupplierBug bug : fixed) {
      bug.release(release);
      for (Escalation escalation : escalations.findBySupplierBugOrderByIdAsc(bug)) {
        runtimeService.createMessageCorrelation(EscalationMessages.FIX_RELEASED)
            .processInstanceVariableEquals(EscalationMessages.REFERENCE_VARIABLE, escalation.reference())
            .correlateAllWithResult();
      }
    }

    Set<WishListItem> included = new LinkedHashSet<>(wishes.findByProductCodeAndStatusAndTargetVersion(productCode,
        WishStatus.PLANNED, version));
    wishIds.forEach(id -> included.add(wishes.findById(id)
        .filter(wish -> wish.getProduct().getCode().equals(productCode))
        .orElseThrow(() -> new IllegalArgumentException("No wish #" + id + " of " + productCode))));
    List<Long> toNotify = new ArrayList<>();
    for (WishListItem wish : included) {
      wish.release(release);
      wish.getBackers().stream().filter(backer -> backer.getNotifiedAt() == null)
          .forEach(backer -> toNotify.add(backer.getId()));
    }

    events.publishEvent(new ProductReleased(productCode, version, releaseDate));
    return new Registered(release, fixed.stream().map(SupplierBug::getId).toList(),
        included.stream().map(WishListItem::getId).toList(), toNotify);
  }

  /** C3.2, C7.3: the customer who backs the wish learns it is in the release; once, even when retried. */
  public void notifyBacker(long backerId) {
    WishBacker backer = backers.findById(backerId).orElseThrow();
    if (backer.getNotifiedAt() != null) {
      return;
    }
    ProductRelease release = backer.getWish().getReleasedIn();
    customerMails.send(backer.getTicket(), CustomerMails.Kind.WISH_RELEASED, Map.of(
        "version", release.getVersion(),
        "releaseDate", release.getReleaseDate().toString(),
        "wish", backer.getWish().getTitle()));
    backer.setNotifiedAt(EngineClock.now());
  }
}
