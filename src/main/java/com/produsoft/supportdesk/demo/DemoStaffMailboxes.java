package com.produsoft.supportdesk.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.platform.mail.EmbeddedMailboxes;

/** The demo staff's addresses (an.maes@produsoft.com ...) are mailboxes of the embedded mail server. */
@Component
class DemoStaffMailboxes implements EmbeddedMailboxes {

  @Override
  public List<String> addresses() {
    return DemoUsers.USERS.stream().map(DemoUsers.DemoUser::email).toList();
  }
}
