package com.produsoft.supportdesk.platform.mail;

import java.nio.charset.StandardCharsets;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A template engine of their own for plain-text letters ({@code <folder>/<letter>_<nl|en>.txt}, first line the
 * subject), so that the web's HTML template engine stays Spring Boot's.
 */
public final class TextMailTemplates {

  private TextMailTemplates() {
  }

  public static TemplateEngine in(String folder) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(folder.endsWith("/") ? folder : folder + "/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // Spring's flavour evaluates expressions with SpEL (plain Thymeleaf would need OGNL).
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
