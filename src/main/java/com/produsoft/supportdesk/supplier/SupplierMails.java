package com.produsoft.supportdesk.supplier;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.platform.mail.Mail;
import com.produsoft.supportdesk.platform.mail.OutboundMails;
import com.produsoft.supportdesk.ticket.Attachment;

/**
 * C7.2: the bug report to the supplier, from the product's support mailbox to the supplier's support address,
 * with our escalation reference in the subject so that its answers find their way back. Suppliers are written to in
 * English ({@code mail/supplier/bug-report_en.txt}). A failure is thrown: the process step retries and becomes an
 * incident, the report is never lost.
 */
@Component
class SupplierMails {

  private final OutboundMails mails;

  SupplierMails(OutboundMails mails) {
    this.mails = mails;
  }

  /**
   * Sends the report and answers it as sent (its Message-ID threads the supplier's answers).
   *
   * @param previousMessageId our earlier mail about the same escalation, to thread a completed report under it
   */
  OutboundMails.Sent sendReport(Escalation escalation, List<Attachment> files, String previousMessageId) {
    SupplierBug bug = escalation.getSupplierBug();
    Product product = bug.getProduct();
    return mails.send(Mail.from(product.getSupportMailbox(), "Produsoft Support " + product.getName(),
        "supplier/bug-report", Locale.ENGLISH).to(bug.getSupplier().getSupportEmail())
        .with(Map.of("product", product.getName(), "summary", bug.getSummary(), "report", escalation.getReport()))
        .about(escalation.reference())
        .inThread(previousMessageId == null ? List.of() : List.of(previousMessageId))
        .attach(files.stream().map(file -> new Mail.File(file.getFileName(), file.getContentType(), file.getContent()))
            .toList()));
  }
}
