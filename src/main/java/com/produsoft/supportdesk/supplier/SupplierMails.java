package com.produsoft.supportdesk.supplier;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.ticket.Attachment;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * C7.2: the bug report to the supplier, from the product's support mailbox to the supplier's support address,
 * with our escalation reference in the subject so that its answers find their way back. A failure is thrown:
 * the process step retries and becomes an incident, the report is never lost.
 */
@Component
class SupplierMails {

  private final JavaMailSender sender;

  SupplierMails(JavaMailSender sender) {
    this.sender = sender;
  }

  /**
   * Sends the report and answers its Message-ID.
   *
   * @param previousMessageId our earlier mail about the same escalation, to thread a completed report under it
   */
  String sendReport(Escalation escalation, List<Attachment> files, String previousMessageId) {
    Product product = escalation.getSupplierBug().getProduct();
    String from = product.getSupportMailbox();
    String reference = escalation.reference();
    String messageId = "<" + UUID.randomUUID() + "." + reference + "@" + from.substring(from.indexOf('@') + 1) + ">";
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), StandardCharsets.UTF_8.name());
      helper.setFrom(from, "Produsoft Support " + product.getName());
      helper.setTo(escalation.getSupplierBug().getSupplier().getSupportEmail());
      helper.setSubject(subject(escalation));
      helper.setText(escalation.getReport());
      for (Attachment file : files) {
        helper.addAttachment(file.getFileName(), new ByteArrayResource(file.getContent()),
            file.getContentType() == null ? "application/octet-stream" : file.getContentType());
      }
      message.setHeader("Message-ID", messageId);
      if (previousMessageId != null) {
        message.setHeader("In-Reply-To", previousMessageId);
        message.setHeader("References", previousMessageId);
      }
      sender.send(message);
      return messageId;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("Cannot write the bug report " + reference, e);
    }
  }

  static String subject(Escalation escalation) {
    SupplierBug bug = escalation.getSupplierBug();
    return "[" + escalation.reference() + "] " + bug.getProduct().getName() + " bug: " + bug.getSummary();
  }
}
