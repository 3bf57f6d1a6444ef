package com.produsoft.supportdesk.customer;

/** C2.1: each customer designates one system responsible and one deputy; anyone else is OTHER. */
public enum ContactRole {
  SYSTEM_RESPONSIBLE, DEPUTY, OTHER;

  public boolean isDesignated() {
    return this != OTHER;
  }
}
