package com.produsoft.supportdesk.supplier;

/** C3.2, C7.3: how far a wish got on its way to a release. */
public enum WishStatus {
  NEW,
  PROPOSED_TO_SUPPLIER,
  /** The supplier plans it for the target version. */
  PLANNED,
  RELEASED
}
