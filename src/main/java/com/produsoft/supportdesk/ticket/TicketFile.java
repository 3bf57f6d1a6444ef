package com.produsoft.supportdesk.ticket;

import java.time.Instant;

/** A ticket's file as lists show it, without its content: {@code addedBy} is null for the customer's own files. */
public record TicketFile(long id, String fileName, long sizeBytes, String addedBy, Instant addedAt) {

  /** The size as people read it: 512 B, 12 KB, 3.4 MB. */
  public String size() {
    if (sizeBytes < 1024) {
      return sizeBytes + " B";
    }
    if (sizeBytes < 1024 * 1024) {
      return Math.round(sizeBytes / 1024.0) + " KB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
  }
}
