package com.produsoft.supportdesk.supplier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.ticket.KnownIssues;
import com.produsoft.supportdesk.ticket.Ticket;

/**
 * What an engineer sees on the triage form of a ticket: the product's supplier bugs still open, with the EON
 * numbers already waiting for them (C7.2: link instead of reporting again), and the wish list (C7.3).
 */
@Service
@Transactional(readOnly = true)
class SupplierKnownIssues implements KnownIssues {

  private static final List<SupplierBugStatus> OPEN = List.of(SupplierBugStatus.REPORTED,
      SupplierBugStatus.MORE_INFO_REQUESTED, SupplierBugStatus.FIX_PLANNED);

  private final SupplierBugRepository bugs;
  private final EscalationRepository escalations;
  private final WishListRepository wishes;

  SupplierKnownIssues(SupplierBugRepository bugs, EscalationRepository escalations, WishListRepository wishes) {
    this.bugs = bugs;
    this.escalations = escalations;
    this.wishes = wishes;
  }

  @Override
  public List<Map<String, Object>> openBugs(String productCode) {
    return bugs.findByProductCodeAndStatusInOrderByReportedAtDesc(productCode, OPEN).stream()
        .map(bug -> {
          Map<String, Object> known = new LinkedHashMap<>();
          known.put("id", bug.getId());
          known.put("summary", bug.getSummary());
          known.put("supplierReference", Objects.requireNonNullElse(bug.getSupplierReference(), "-"));
          known.put("status", bug.getStatus().name());
          known.put("targetVersion", Objects.requireNonNullElse(bug.getTargetVersion(), "-"));
          known.put("eonNumbers", escalations.findBySupplierBugOrderByIdAsc(bug).stream()
              .map(Escalation::getTicket).map(Ticket::getEonNumber).distinct().toList());
          return known;
        })
        .toList();
  }

  @Override
  public List<Map<String, Object>> openWishes(String productCode) {
    return wishes.findByProductCodeAndStatusNotOrderByCreatedAtDesc(productCode, WishStatus.RELEASED).stream()
        .map(wish -> Map.<String, Object>of("id", wish.getId(), "title", wish.getTitle(),
            "status", wish.getStatus().name(), "backers", wish.getBackers().size()))
        .toList();
  }
}
