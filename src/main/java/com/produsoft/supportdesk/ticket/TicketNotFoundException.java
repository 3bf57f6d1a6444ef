package com.produsoft.supportdesk.ticket;

public class TicketNotFoundException extends RuntimeException {

  public TicketNotFoundException(String eonNumber) {
    super("No ticket " + eonNumber);
  }
}
