package com.produsoft.supportdesk.platform.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for tests against the running application: Basic auth, and the webapps' login. */
public final class WebClient {

  private final String baseUrl;
  private final HttpClient http;

  public WebClient(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  public HttpResponse<String> get(String path, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    return send(withBasic(request, user, password));
  }

  public HttpResponse<String> post(String path, String contentType, String body, String user, String password) {
    return post(path, contentType, body, user, password, Map.of());
  }

  public HttpResponse<String> post(String path, String contentType, String body, String user, String password,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(withBasic(request, user, password));
  }

  /** Any method, with an optional body and headers (a header "Authorization" replaces Basic credentials). */
  public HttpResponse<String> request(String method, String path, String contentType, String body, String user,
      String password, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return send(headers.containsKey("Authorization") ? request : withBasic(request, user, password));
  }

  public HttpResponse<String> put(String path, String contentType, String body, String user, String password) {
    return request("PUT", path, contentType, body, user, password, Map.of());
  }

  /**
   * Logs into a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}) as the browser does: open the
   * app for a session and its CSRF token, then post the credentials. Answers the login's HTTP status.
   */
  public int loginToWebapp(String app, String user, String password) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")));
    String csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
  }

  private static HttpRequest.Builder withBasic(HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
