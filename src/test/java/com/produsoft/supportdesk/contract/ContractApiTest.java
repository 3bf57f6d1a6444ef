package com.produsoft.supportdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.licence.LicenceRepository;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.security.WebClient;

/**
 * The contract API as a new user tries it on the demo data (acceptance 3): a licence sale for a demo customer
 * starts a contract whose process a manager sees with its next timer, and a cancellation answers the end date.
 */
class ContractApiTest extends ContractTestSupport {

  private static final String JSON = "application/json";
  private static final String PASSWORD = DemoUsers.PASSWORD;
  /** Machinebouw Goossens BV: a demo customer without a contract. */
  private static final String GOOSSENS_VAT = "BE 0829.440.367";

  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper json;
  @Autowired
  LicenceRepository licences;

  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  private JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  @Test
  @DisplayName("C1.1, C1.4: a sale for a demo customer starts a contract with its process and next timer "
      + "(seen by a manager as in Cockpit); cancelling through the API answers the end of the period")
  void saleStartsContractAndCancellationAnswersTheEndDate() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
    HttpResponse<String> sold = web.post("/api/contracts", JSON, """
        {"customerVat": "%s", "purchaseDate": "%s",
         "licences": [{"product": "RADAN", "licenceNumber": "RD-777001", "dongleNumber": "DNG-777001"},
                      {"product": "edgecam", "licenceNumber": "EC-777002", "hostId": "HOST-777002"}]}
        """.formatted(GOOSSENS_VAT, today), "clerk", PASSWORD);

    assertThat(sold.statusCode()).as(sold.body()).isEqualTo(201);
    JsonNode contract = body(sold);
    String number = contract.get("contractNumber").asText();
    assertThat(number).startsWith("MC-" + today.getYear() + "-");
    assertThat(contract.get("status").asText()).isEqualTo("FIRST_YEAR");
    assertThat(contract.get("companyName").asText()).isEqualTo("Machinebouw Goossens BV");
    assertThat(contract.get("licences")).hasSize(2);

    JsonNode instances = body(web.get("/engine-rest/process-instance?processDefinitionKey=ContractRenewalProcess"
        + "&businessKey=" + number, "manager", PASSWORD));
    assertThat(instances).hasSize(1);
    JsonNode timers = body(web.get("/engine-rest/job?timers=true&processInstanceId="
        + instances.get(0).get("id").asText(), "manager", PASSWORD));
    assertThat(timers).hasSize(1);
    assertThat(timers.get(0).get("dueDate").asText())
        .startsWith(LocalDate.parse(contract.get("cancellationDeadline").asText()).minusDays(30).toString());

    HttpResponse<String> cancelled = web.post("/api/contracts/" + number + "/cancellation", JSON,
        "{\"channel\": \"MAIL\"}", "clerk", PASSWORD);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(body(cancelled).get("endsOn").asText()).isEqualTo(today.plusYears(1).minusDays(1).toString());
    assertThat(body(cancelled).get("status").asText()).isEqualTo("CANCELLED");
    HttpResponse<String> again = web.post("/api/contracts/" + number + "/cancellation", JSON, "{}", "clerk",
        PASSWORD);
    assertThat(again.statusCode()).isEqualTo(409);

    JsonNode shown = body(web.get("/api/contracts/" + number, "manager", PASSWORD));
    assertThat(shown.get("events").get(0).get("type").asText()).isEqualTo("CANCELLED");
    assertThat(shown.get("events").get(0).get("channel").asText()).isEqualTo("MAIL");
  }

  @Test
  @DisplayName("a bad sale names every bad field and stores nothing")
  void badSaleNamesEveryField() throws Exception {
    long licencesBefore = licences.count();

    HttpResponse<String> refused = web.post("/api/contracts", JSON, """
        {"customerVat": "BE0999999999", "purchaseDate": "2999-01-01",
         "licences": [{"product": "CATIA", "licenceNumber": "EC-418207", "hostId": "H-1", "dongleNumber": "D-1"},
                      {"product": "VISI", "licenceNumber": "VS-777003"}]}
        """, "clerk", PASSWORD);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(body(refused).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("customerVat",
        "purchaseDate", "licences[0].product", "licences[0].licenceNumber", "licences[0].hostId",
        "licences[1].hostId");
    assertThat(licences.count()).isEqualTo(licencesBefore);
    assertThat(licences.findByLicenceNumber("VS-777003")).isEmpty();

    HttpResponse<String> unreadable = web.post("/api/contracts", JSON, "{\"purchaseDate\": \"soon\"}", "clerk",
        PASSWORD);
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.body()).contains("purchaseDate");
  }

  @Test
  @DisplayName("the administration and admins write; managers read contracts and reports; engineers neither")
  void whoMayDoWhat() {
    assertThat(web.post("/api/contracts", JSON, "{}", "manager", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(web.post("/api/contracts/MC-2020-0007/cancellation", JSON, "{}", "manager", PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(web.post("/api/contracts", JSON, "{}", "engineer.edgecam", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(web.get("/api/reports/contracts/deadlines", "engineer.edgecam", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(web.get("/api/reports/contracts/deadlines", null, null).statusCode()).isEqualTo(401);
    assertThat(web.post("/api/contracts", JSON, "{}", "admin", PASSWORD).statusCode()).isEqualTo(400);
    assertThat(web.get("/api/contracts/MC-1999-0001", "manager", PASSWORD).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("managers see renewals, cancellations and lapses per month, and the deadlines of the next 30 days")
  void managersReports() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
    HttpResponse<String> months = web.get("/api/reports/contracts?from=" + today.withDayOfYear(1) + "&to="
        + today, "manager", PASSWORD);

    assertThat(months.statusCode()).as(months.body()).isEqualTo(200);
    JsonNode counts = body(months);
    assertThat(counts).hasSize(today.getMonthValue());
    assertThat(counts.get(today.getMonthValue() - 1).get("month").asText()).isEqualTo(YearMonth.from(today).toString());
    assertThat(counts.get(0).has("renewals") && counts.get(0).has("cancellations") && counts.get(0).has("lapses"))
        .isTrue();

    JsonNode deadlines = body(web.get("/api/reports/contracts/deadlines?days=366", "manager", PASSWORD));
    assertThat(deadlines).isNotEmpty();
    LocalDate previous = today;
    for (JsonNode deadline : deadlines) {
      LocalDate day = LocalDate.parse(deadline.get("cancellationDeadline").asText());
      assertThat(day).isBetween(previous, today.plusDays(366));
      previous = day;
    }
    JsonNode soon = body(web.get("/api/reports/contracts/deadlines?days=30", "manager", PASSWORD));
    soon.forEach(deadline -> assertThat(LocalDate.parse(deadline.get("cancellationDeadline").asText()))
        .isBefore(today.plusDays(31)));
  }
}
