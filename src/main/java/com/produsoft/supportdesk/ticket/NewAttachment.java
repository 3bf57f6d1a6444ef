package com.produsoft.supportdesk.ticket;

import java.util.Locale;

/**
 * A file as it arrives from the web form or a mail, before it is checked and stored. What the sender's program
 * claims is tidied on the way in, so that the attachment policy judges the name a user would see and the database
 * always takes the row: the name loses any folder path, control and bidirectional characters (an
 * {@code invoice\u202Efdp.exe} shows as a PDF but is a program) and the trailing dots and spaces Windows drops, and
 * is cut to 255 characters keeping its extension; a content type that is no {@code type/subtype} of at most 200
 * characters becomes {@code application/octet-stream}.
 */
public record NewAttachment(String fileName, String contentType, byte[] content) {

  static final int MAX_NAME = 255;
  private static final int MAX_CONTENT_TYPE = 200;
  private static final String UNKNOWN_TYPE = "application/octet-stream";

  public NewAttachment {
    fileName = fileName == null ? null : cleanName(fileName);
    contentType = cleanType(contentType);
  }

  private static String cleanName(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String visible = base.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "").replaceAll("[. ]+$", "").strip();
    if (visible.length() <= MAX_NAME) {
      return visible;
    }
    int dot = visible.lastIndexOf('.');
    String extension = dot > 0 && visible.length() - dot <= 16 ? visible.substring(dot) : "";
    return visible.substring(0, MAX_NAME - extension.length()) + extension;
  }

  private static String cleanType(String contentType) {
    if (contentType == null) {
      return UNKNOWN_TYPE;
    }
    String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return type.length() <= MAX_CONTENT_TYPE && type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")
        ? type : UNKNOWN_TYPE;
  }
}
