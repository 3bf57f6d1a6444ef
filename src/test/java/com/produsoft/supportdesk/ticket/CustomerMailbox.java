package com.produsoft.supportdesk.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The mails the embedded GreenMail holds for a customer about one ticket, read as a mail program shows them. */
final class CustomerMailbox {

  /** A mail as the customer reads it: subject, text and attached files by name. */
  record Mail(String subject, String text, Map<String, byte[]> files) {
  }

  private CustomerMailbox() {
  }

  /** The mails to the address whose subject starts with the EON number, oldest first. */
  static List<Mail> mails(EmbeddedMailServer server, String address, String eonNumber) throws Exception {
    List<Mail> found = new ArrayList<>();
    for (MimeMessage message : server.greenMail().getReceivedMessages()) {
      boolean toAddress = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
      if (toAddress && message.getSubject().startsWith("[" + eonNumber + "]")) {
        StringBuilder text = new StringBuilder();
        Map<String, byte[]> files = new LinkedHashMap<>();
        read(message, text, files);
        found.add(new Mail(message.getSubject(), text.toString(), files));
      }
    }
    return found;
  }

  private static void read(Part part, StringBuilder text, Map<String, byte[]> files)
      throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
      try (InputStream content = part.getInputStream()) {
        files.put(part.getFileName(), content.readAllBytes());
      }
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        read(child, text, files);
      }
    } else if (part.isMimeType("text/plain")) {
      text.append((String) part.getContent());
    }
  }
}
