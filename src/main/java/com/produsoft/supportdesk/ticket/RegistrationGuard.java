package com.produsoft.supportdesk.ticket;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.produsoft.supportdesk.platform.web.RequestTooLargeException;

/**
 * Guards the public registration endpoints, the JSON API and the customers' form posts (web form, status page
 * updates, training and licence pages): a body size limit on the JSON API (the forms' uploads are limited by the
 * multipart settings); a rate limit per client address against abuse (a fixed one-minute window, per node: 429),
 * which honest clients retrying with their Idempotency-Key stay far below; and the node's capacity
 * ({@link RegistrationAdmission}): in a burst beyond it a post waits briefly for its turn, then gets 503 with
 * Retry-After at once instead of after the connection pool's time-out (issue 16).
 */
@Component
class RegistrationGuard extends OncePerRequestFilter {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  static final String BUSY = "The support desk is receiving many registrations at once. Please retry after the "
      + "Retry-After seconds; a registration retried with the same Idempotency-Key is never stored twice.";

  private final TicketProperties properties;
  private final RegistrationAdmission admission;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  RegistrationGuard(TicketProperties properties, RegistrationAdmission admission) {
    this.properties = properties;
    this.admission = admission;
  }

  private record Window(Instant start, int count) {
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && (isApi(request) || isFormPost(request)));
  }

  private static boolean isApi(HttpServletRequest request) {
    return "/api/tickets".equals(request.getRequestURI());
  }

  private static boolean isFormPost(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.equals("/support") || uri.startsWith("/support/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean api = isApi(request);
    if (api && request.getContentLengthLong() > properties.maxRequestBytes()) {
      refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The registration is larger than "
          + properties.maxRequestBytes() + " bytes; send attachments by mail or through the web form");
      return;
    }
    if (!admit(request.getRemoteAddr(), Instant.now())) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(WINDOW.toSeconds()));
      if (api) {
        refuse(response, HttpStatus.TOO_MANY_REQUESTS, "Too many registrations from this address; retry in a minute");
      } else {
        // The customer's browser gets the page templates/error/429.html.
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
      }
      return;
    }
    Optional<RegistrationAdmission.Permit> permit = admission.enter();
    if (permit.isEmpty()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfter().toSeconds()));
      if (api) {
        refuse(response, HttpStatus.SERVICE_UNAVAILABLE, BUSY);
      } else {
        // The customer's browser gets the page templates/error/503.html.
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
      }
      return;
    }
    try (RegistrationAdmission.Permit admitted = permit.get()) {
      chain.doFilter(api ? new LimitedBody(request, properties.maxRequestBytes()) : request, response);
    }
  }

  private boolean admit(String client, Instant now) {
    windows.values().removeIf(window -> window.start().plus(WINDOW).isBefore(now));
    Window window = windows.compute(client, (key, current) ->
        current == null || current.start().plus(WINDOW).isBefore(now)
            ? new Window(now, 1)
            : new Window(current.start(), current.count() + 1));
    return window.count() <= properties.registrationsPerMinute();
  }

  private static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write("{\"status\":" + status.value() + ",\"title\":\"" + status.getReasonPhrase()
        + "\",\"detail\":\"" + detail + "\"}");
  }

  /** Stops reading a body without Content-Length once it passes the limit. */
  private static final class LimitedBody extends HttpServletRequestWrapper {

    private final long limit;

    LimitedBody(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream body = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int next = body.read();
          if (next >= 0 && ++read > limit) {
            throw new RequestTooLargeException(limit);
          }
          return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int count = body.read(buffer, offset, length);
          if (count > 0 && (read += count) > limit) {
            throw new RequestTooLargeException(limit);
          }
          return count;
        }

        @Override
        public boolean isFinished() {
          return body.isFinished();
        }

        @Override
        public boolean isReady() {
          return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          body.setReadListener(listener);
        }
      };
    }
  }
}
