package com.produsoft.supportdesk.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.licence.Licence;

/**
 * C1.3: the proof of renewal, a one-page A4 PDF in both of Produsoft's customer languages: company, VAT number,
 * contract number, the period from–to, the licences covered and the day it was issued.
 */
@Component
public class ProofOfRenewalPdf {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final float MARGIN = 60;
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  public byte[] write(MaintenanceContract contract, LocalDate issuedOn) {
    Customer customer = contract.getCustomer();
    List<Licence> licences = contract.getLicences().stream()
        .sorted(Comparator.comparing(Licence::getLicenceNumber))
        .toList();
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Proof of renewal " + contract.getContractNumber());
      info.setAuthor("Produsoft");
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        Lines lines = new Lines(text, page.getMediaBox().getHeight() - MARGIN);
        lines.write(BOLD, 20, "Produsoft");
        lines.write(REGULAR, 9, "info@produsoft.com  ·  +32 (0)50 72 95 95");
        lines.gap(30);
        lines.write(BOLD, 16, "Proof of renewal / Bewijs van verlenging");
        lines.write(REGULAR, 10, "Maintenance contract / Onderhoudscontract");
        lines.gap(20);
        lines.field("Company / Bedrijf", customer.getCompanyName());
        lines.field("VAT / Btw", customer.getVatNumber() == null ? "-" : customer.getVatNumber());
        lines.field("Contract number / Contractnummer", contract.getContractNumber());
        lines.field("Period / Periode", DAY.format(contract.getCurrentPeriodStart()) + " – "
            + DAY.format(contract.getCurrentPeriodEnd()));
        lines.gap(16);
        lines.write(BOLD, 11, "Licences covered / Gedekte licenties");
        for (Licence licence : licences) {
          String binding = licence.getHostId() != null ? "host " + licence.getHostId()
              : "dongle " + licence.getDongleNumber();
          lines.write(REGULAR, 10, licence.getProduct().getName() + "   " + licence.getLicenceNumber() + "   "
              + binding);
        }
        lines.gap(24);
        lines.write(REGULAR, 10, "Issued on / Uitgereikt op " + DAY.format(issuedOn));
        lines.gap(10);
        lines.write(REGULAR, 8, "The contract renews automatically each year; it can be stopped at the latest three "
            + "months before the next period (C1.4).");
        lines.write(REGULAR, 8, "Het contract wordt elk jaar automatisch verlengd; opzeggen kan tot uiterlijk drie "
            + "maanden voor de volgende periode.");
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the proof of renewal of " + contract.getContractNumber(), e);
    }
  }

  /** Writes lines from the top of the page down. */
  private static final class Lines {

    private final PDPageContentStream stream;
    private float y;

    Lines(PDPageContentStream stream, float top) {
      this.stream = stream;
      this.y = top;
    }

    void write(PDType1Font font, float size, String line) throws IOException {
      y -= size * 1.5f;
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(MARGIN, y);
      stream.showText(printable(font, line));
      stream.endText();
    }

    void field(String label, String value) throws IOException {
      write(REGULAR, 9, label);
      write(BOLD, 12, value);
      gap(4);
    }

    void gap(float points) {
      y -= points;
    }

    /** The standard fonts know Western European letters only; anything else becomes '?', never a failure. */
    private static String printable(PDType1Font font, String text) {
      StringBuilder printable = new StringBuilder();
      text.codePoints().forEach(c -> {
        String character = new String(Character.toChars(c));
        try {
          font.encode(character);
          printable.append(character);
        } catch (IOException | IllegalArgumentException notInFont) {
          printable.append('?');
        }
      });
      return printable.toString();
    }
  }
}
