package com.produsoft.supportdesk.supplier;

import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.WishList;

/**
 * C3.2, C7.3: the wish list of each product. A suggestion backs one wish: the one the engineer links it to, or
 * else the wish whose normalised title equals the first line of the suggestion (case, spaces and punctuation
 * do not count); a new wish otherwise.
 */
@Service
@Transactional
class ProductWishLists implements WishList {

  private final WishListRepository wishes;
  private final Catalogue catalogue;

  ProductWishLists(WishListRepository wishes, Catalogue catalogue) {
    this.wishes = wishes;
    this.catalogue = catalogue;
  }

  @Override
  public WishListItem back(Ticket ticket, Long wishId) {
    WishListItem wish = wishId != null
        ? wishes.findById(wishId)
            .filter(linked -> linked.getProduct().getCode().equals(ticket.getProductCode()))
            .orElseThrow(() -> new IllegalArgumentException("No wish #" + wishId + " for " + ticket.getProductCode()))
        : sameTitle(ticket);
    wish.back(ticket, EngineClock.now());
    return wish;
  }

  private WishListItem sameTitle(Ticket ticket) {
    String title = title(ticket.getDescription());
    return wishes.findByProductCodeAndNormalisedTitle(ticket.getProductCode(), WishListItem.normalise(title))
        .orElseGet(() -> wishes.save(new WishListItem(catalogue.reference(ticket.getProductCode()), title,
            EngineClock.now())));
  }

  /** The first line of the suggestion names the wish. */
  static String title(String description) {
    String text = description == null ? "" : description.strip();
    int lineEnd = text.indexOf('\n');
    String firstLine = (lineEnd < 0 ? text : text.substring(0, lineEnd)).strip();
    return firstLine.isEmpty() ? "(no title)" : firstLine.substring(0, 1).toUpperCase(Locale.ROOT)
        + firstLine.substring(1);
  }
}
