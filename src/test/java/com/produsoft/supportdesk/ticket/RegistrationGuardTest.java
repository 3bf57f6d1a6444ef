package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.produsoft.supportdesk.platform.web.RequestTooLargeException;

/**
 * The public registration endpoints survive abuse and bursts: a rate limit per client, a body size limit, and the
 * node's capacity (issue 16).
 */
class RegistrationGuardTest {

  private static final TicketProperties PROPERTIES = new TicketProperties(10, 2, 100, "http://x", 1,
      Duration.ofMillis(50), Duration.ofSeconds(5));

  private final RegistrationAdmission admission = new RegistrationAdmission(1, PROPERTIES.admissionWait(),
      PROPERTIES.busyRetryAfter());
  private final RegistrationGuard guard = new RegistrationGuard(PROPERTIES, admission);

  private MockHttpServletResponse post(String client, byte[] body) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tickets");
    request.setRemoteAddr(client);
    request.setContent(body);
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  @DisplayName("more registrations per minute than allowed from one address answer 429 with Retry-After; other addresses go on")
  void limitsRegistrationsPerClient() throws Exception {
    assertThat(post("10.0.0.1", new byte[10]).getStatus()).isEqualTo(200);
    assertThat(post("10.0.0.1", new byte[10]).getStatus()).isEqualTo(200);
    MockHttpServletResponse third = post("10.0.0.1", new byte[10]);
    assertThat(third.getStatus()).isEqualTo(429);
    assertThat(third.getHeader("Retry-After")).isEqualTo("60");
    assertThat(post("10.0.0.2", new byte[10]).getStatus()).isEqualTo(200);
  }

  @Test
  @DisplayName("issue 16: a registration beyond the node's capacity waits briefly, then answers 503 with Retry-After;"
      + " the next one after a finished registration is admitted")
  void refusesRegistrationsBeyondCapacity() throws Exception {
    MockHttpServletResponse busy;
    try (RegistrationAdmission.Permit running = admission.enter().orElseThrow()) {
      busy = post("10.0.0.4", new byte[10]);
      MockHttpServletRequest form = new MockHttpServletRequest("POST", "/support");
      form.setRemoteAddr("10.0.0.5");
      MockHttpServletResponse formAnswer = new MockHttpServletResponse();
      guard.doFilter(form, formAnswer, new MockFilterChain());
      assertThat(formAnswer.getStatus()).as("the form's page error/503.html").isEqualTo(503);
      assertThat(formAnswer.getHeader("Retry-After")).isEqualTo("5");
    }
    assertThat(busy.getStatus()).isEqualTo(503);
    assertThat(busy.getHeader("Retry-After")).isEqualTo("5");
    assertThat(busy.getContentAsString()).contains("many registrations at once", "Idempotency-Key");

    assertThat(post("10.0.0.4", new byte[10]).getStatus()).isEqualTo(200);
    assertThat(post("10.0.0.6", new byte[10]).getStatus()).as("the permit came back after the request")
        .isEqualTo(200);
  }

  @Test
  @DisplayName("a body larger than the limit is refused with 413 before it is read")
  void refusesLargeBodies() throws Exception {
    MockHttpServletResponse response = post("10.0.0.3", new byte[101]);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString()).contains("larger than 100 bytes");
  }

  @Test
  @DisplayName("a body without Content-Length stops being read at the limit")
  void stopsReadingUnannouncedLargeBodies() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tickets") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }
    };
    request.setContent(new byte[500]);
    MockFilterChain chain = new MockFilterChain();
    guard.doFilter(request, new MockHttpServletResponse(), chain);
    assertThatThrownBy(() -> chain.getRequest().getInputStream().readAllBytes())
        .isInstanceOf(RequestTooLargeException.class);
  }

  @Test
  @DisplayName("other endpoints are not guarded")
  void leavesOtherRequestsAlone() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/EON-2026-00001");
    request.setContent(new byte[500]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(request, response, new MockFilterChain());
    assertThat(response.getStatus()).isEqualTo(200);
  }
}
