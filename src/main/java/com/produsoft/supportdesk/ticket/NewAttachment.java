package com.produsoft.supportdesk.ticket;

/** A file as it arrives from the web form or a mail, before it is checked and stored. */
public record NewAttachment(String fileName, String contentType, byte[] content) {
}
