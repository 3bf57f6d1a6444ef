package com.produsoft.supportdesk.platform.security;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a customer sees when a form post is refused before it reaches the pages. An upload beyond the multipart
 * limit arrives without any field, so it fails the CSRF check first: it gets the friendly "too large" page
 * (templates/error/413.html). A form older than its CSRF cookie opens again with a note; nothing was stored.
 */
public class RefusedFormPost implements AccessDeniedHandler {

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    MultipartException tooLarge = uploadTooLarge(request);
    if (tooLarge != null) {
      // Marked as the error's cause, so that the error page's dispatch does not try to read the parts again.
      request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, tooLarge);
      response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
    } else if (denied instanceof CsrfException && "POST".equals(request.getMethod())) {
      response.sendRedirect(request.getRequestURI() + "?expired");
    } else {
      response.sendError(HttpStatus.FORBIDDEN.value());
    }
  }

  /** The container's refusal of a multipart body beyond spring.servlet.multipart.*, if that is what happened. */
  private static MultipartException uploadTooLarge(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return null;
    }
    try {
      request.getParts();
      return null;
    } catch (IllegalStateException sizeLimitExceeded) {
      return new MaxUploadSizeExceededException(-1, sizeLimitExceeded);
    } catch (IOException | ServletException unreadable) {
      return null;
    }
  }
}
