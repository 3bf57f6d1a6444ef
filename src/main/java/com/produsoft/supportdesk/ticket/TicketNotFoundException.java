package com.produsoft.supportdesk.ticket;

import com.produsoft.supportdesk.platform.web.NotFoundException;

public class TicketNotFoundException extends NotFoundException {

  public TicketNotFoundException(String eonNumber) {
    super("No ticket " + eonNumber);
  }
}
