package com.produsoft.supportdesk.platform.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Port 0 for the embedded mail server means "any free port": the port is chosen once, before any bean reads it,
 * so that the server, the mail sender and the poller agree. Tests use it to run beside a running application.
 */
public class FreeMailPorts implements EnvironmentPostProcessor {

  private static final List<String> PORTS = List.of("spring.mail.port", "support.mail.imap.port");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("support.mail.embedded", Boolean.class, false)) {
      return;
    }
    Map<String, Object> chosen = new HashMap<>();
    PORTS.stream()
        .filter(port -> environment.getProperty(port, Integer.class, -1) == 0)
        .forEach(port -> chosen.put(port, freePort()));
    if (!chosen.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource("freeMailPorts", chosen));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded mail server", e);
    }
  }
}
