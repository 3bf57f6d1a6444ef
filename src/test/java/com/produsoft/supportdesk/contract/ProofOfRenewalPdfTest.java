package com.produsoft.supportdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.licence.Licence;

/** C1.3: the proof of renewal is a real one-page A4 PDF that says what it proves; read back with PDFBox. */
class ProofOfRenewalPdfTest {

  private static Product product(String name) {
    Product product = mock(Product.class);
    when(product.getName()).thenReturn(name);
    return product;
  }

  @Test
  @DisplayName("C1.3: company, VAT, contract number, period, licences covered and issue date, in English and Dutch")
  void proofSaysWhatItProves() throws IOException {
    LocalDate purchased = LocalDate.of(2025, 3, 1);
    Customer customer = new Customer("Ateliers Mécaniques Lambert SA", "BE0703317207", null, Language.EN);
    MaintenanceContract contract = new MaintenanceContract("MC-2025-0018", customer, List.of(
        Licence.onHost(customer, product("SpaceClaim"), "SC-660127", "HOST-5D02AF", purchased),
        Licence.onDongle(customer, product("Edgecam"), "EC-418913", "DNG-004512", purchased)), purchased);
    contract.renew();

    byte[] pdf = new ProofOfRenewalPdf().write(contract, LocalDate.of(2026, 3, 1));

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Proof of renewal MC-2025-0018");
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Produsoft", "Proof of renewal / Bewijs van verlenging",
          "Ateliers Mécaniques Lambert SA", "BE0703317207", "MC-2025-0018", "01/03/2026 – 28/02/2027",
          "SpaceClaim   SC-660127   host HOST-5D02AF", "Edgecam   EC-418913   dongle DNG-004512",
          "Issued on / Uitgereikt op 01/03/2026");
    }
  }

  @Test
  @DisplayName("a company name outside the PDF standard fonts' letters still gives a proof, never a failed renewal")
  void unusualLettersDoNotBreakTheProof() throws IOException {
    Customer customer = new Customer("Łódź Tooling Sp. z o.o.", null, null, Language.EN);
    MaintenanceContract contract = new MaintenanceContract("MC-2026-0001", customer, List.of(),
        LocalDate.of(2026, 1, 5));

    try (PDDocument document = Loader.loadPDF(new ProofOfRenewalPdf().write(contract, LocalDate.of(2026, 1, 5)))) {
      assertThat(new PDFTextStripper().getText(document)).contains("?ód? Tooling");
    }
  }
}
