package com.produsoft.supportdesk.platform.mail;

import java.util.List;

/**
 * Addresses a module above the platform wants as mailboxes of the {@link EmbeddedMailServer} (the demo staff's,
 * where their alert mails arrive): the platform does not know the modules, they tell it.
 */
@FunctionalInterface
public interface EmbeddedMailboxes {

  List<String> addresses();
}
