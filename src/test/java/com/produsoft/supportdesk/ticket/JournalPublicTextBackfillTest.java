package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

import com.produsoft.supportdesk.platform.ProcessJobs;
import com.produsoft.supportdesk.platform.security.WebClient;

import liquibase.integration.spring.SpringLiquibase;

/**
 * Issue 17 item 6 for tickets journalled before changeset 150 gave journal lines a public text: changeset 160 fills
 * it in from the journal's own texts, which have not changed since, so an old ticket's status page shows what a new
 * ticket's shows. The old ticket is a new one whose public texts are taken away again (the journal's texts are those
 * the old code wrote); changeset 160 then runs again on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JournalPublicTextBackfillTest {

  private static final String BACKFILL = "160-journal-public-text-backfill";
  private static final Pattern MESSAGE_TEXT = Pattern.compile("<p class=\"text\">(.*?)</p>", Pattern.DOTALL);

  @LocalServerPort
  int port;
  @Autowired
  TicketService ticketService;
  @Autowired
  TicketIntake intake;
  @Autowired
  TicketRepository tickets;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  SpringLiquibase liquibase;

  @Test
  @DisplayName("Issue 17 item 6: an old ticket's status page shows, after changeset 160, the customer's registration and update and the mail they got, as a new ticket's does; the internal phrasing stays hidden")
  void oldTicketShowsItsHistoryAfterTheBackfill() throws Exception {
    Ticket ticket = ticketService.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT",
        "Postprocessor stopt: na de gereedschapswissel", null, null, "Windows 11", null, null, false, "nl"),
        Channel.WEB, null).ticket();
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
    intake.addUpdate(ticket.getEonNumber(), UpdateType.MORE_FREQUENT, "Nu elke ochtend: bij het eerste programma",
        "customer", List.of());
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
    List<String> asWritten = statusPageMessages(ticket);
    assertThat(asWritten).hasSize(3);
    assertThat(asWritten.get(0)).isEqualTo("Postprocessor stopt: na de gereedschapswissel");
    assertThat(asWritten.get(1)).as("the confirmation mail, subject and body").startsWith("Uw supportaanvraag voor ")
        .contains("is geregistreerd\n\nBeste Jan Vandamme,", ticket.getEonNumber());
    assertThat(asWritten.get(2)).isEqualTo("Nu elke ochtend: bij het eerste programma");

    jdbc.update("UPDATE journal_entry SET public_text = NULL WHERE ticket_id = ?", ticket.getId());
    assertThat(statusPageMessages(ticket)).as("journalled before changeset 150: no history").isEmpty();

    jdbc.update("DELETE FROM databasechangelog WHERE id = ?", BACKFILL);
    liquibase.afterPropertiesSet();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM databasechangelog WHERE id = ?", Integer.class, BACKFILL))
        .isEqualTo(1);
    List<String> backfilled = statusPageMessages(ticket);
    assertThat(backfilled).isEqualTo(asWritten);
    assertThat(String.join("\n", backfilled)).doesNotContain("Registered by", "Mail to", "MORE_FREQUENT",
        "[" + ticket.getEonNumber() + "]");
  }

  /** The texts of the status page's history, oldest first, as the customer reads them. */
  private List<String> statusPageMessages(Ticket ticket) {
    String page = new WebClient(port).get("/support/status/" + tickets.findByEonNumber(ticket.getEonNumber())
        .orElseThrow().getStatusToken(), null, null).body();
    return MESSAGE_TEXT.matcher(page).results().map(match -> HtmlUtils.htmlUnescape(match.group(1))).toList();
  }
}
