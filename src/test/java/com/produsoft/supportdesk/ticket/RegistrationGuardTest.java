package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.produsoft.supportdesk.platform.web.RequestTooLargeException;

/** The public registration endpoint survives abuse: a rate limit per client and a body size limit. */
class RegistrationGuardTest {

  private final RegistrationGuard guard = new RegistrationGuard(new TicketProperties(10, 2, 100, "http://x"));

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
