package com.produsoft.supportdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * What files support accepts (C4.7: large files compressed first): a size limit per file and per ticket, and
 * no executables, recognised by name and by content, so that a renamed program is refused too.
 */
@Component
public class AttachmentPolicy {

  /** @param maxFileBytes largest single file; @param maxTicketBytes all files of one registration or update */
  @ConfigurationProperties("support.attachments")
  public record Limits(@DefaultValue("26214400") long maxFileBytes, @DefaultValue("26214400") long maxTicketBytes,
      @DefaultValue("20") int maxFiles) {
  }

  /** Why a file is refused: the file's name (null for the whole set) and a reason code for the UI's language. */
  public record Violation(String fileName, Reason reason) {
  }

  public enum Reason {
    FILE_TOO_LARGE, TOTAL_TOO_LARGE, TOO_MANY_FILES, EXECUTABLE, EMPTY_NAME
  }

  private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
      "exe", "com", "bat", "cmd", "msi", "msp", "scr", "pif", "cpl", "dll", "sys", "vbs", "vbe", "js", "jse", "wsf",
      "wsh", "ps1", "psm1", "sh", "bash", "jar", "app", "apk", "elf", "bin", "run", "reg", "hta", "lnk");

  private final Limits limits;

  public AttachmentPolicy(Limits limits) {
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  public List<Violation> check(List<NewAttachment> files) {
    List<Violation> violations = new ArrayList<>();
    if (files.size() > limits.maxFiles()) {
      violations.add(new Violation(null, Reason.TOO_MANY_FILES));
    }
    long total = 0;
    for (NewAttachment file : files) {
      total += file.content().length;
      if (file.fileName() == null || file.fileName().isBlank()) {
        violations.add(new Violation(file.fileName(), Reason.EMPTY_NAME));
      } else if (isExecutable(file)) {
        violations.add(new Violation(file.fileName(), Reason.EXECUTABLE));
      }
      if (file.content().length > limits.maxFileBytes()) {
        violations.add(new Violation(file.fileName(), Reason.FILE_TOO_LARGE));
      }
    }
    if (total > limits.maxTicketBytes()) {
      violations.add(new Violation(null, Reason.TOTAL_TOO_LARGE));
    }
    return violations;
  }

  static boolean isExecutable(NewAttachment file) {
    String name = file.fileName().toLowerCase(Locale.ROOT).strip();
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    return EXECUTABLE_EXTENSIONS.contains(extension) || hasExecutableSignature(file.content());
  }

  /** Windows PE ("MZ"), ELF, Mach-O and scripts with a shebang. */
  private static boolean hasExecutableSignature(byte[] content) {
    return startsWith(content, "MZ".getBytes(StandardCharsets.US_ASCII))
        || startsWith(content, new byte[] {0x7F, 'E', 'L', 'F'})
        || startsWith(content, new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE})
        || startsWith(content, new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF})
        || startsWith(content, "#!".getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}
