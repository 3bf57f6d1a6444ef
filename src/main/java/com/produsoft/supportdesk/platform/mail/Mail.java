package com.produsoft.supportdesk.platform.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One mail to send, before it is written: who sends it to whom, its template and what the template shows, and how
 * it travels (thread, files, automatic). {@link OutboundMails} renders and sends it.
 */
public final class Mail {

  /** How a mail ends, below its text (the layout's footer). */
  public enum Closing {
    /** A letter: greetings and the sender's name. */
    LETTER,
    /** A staff notice: the sender's name and that nobody reads replies. */
    NOTICE
  }

  /** A file that goes with a mail. */
  public record File(String name, String contentType, byte[] content) {
  }

  final String fromAddress;
  final String fromName;
  final String template;
  final Locale language;
  final List<String> to = new ArrayList<>();
  final Map<String, Object> model = new LinkedHashMap<>();
  final List<String> thread = new ArrayList<>();
  final List<File> files = new ArrayList<>();
  String subjectPrefix;
  String reference;
  String autoSubmitted;
  Closing closing = Closing.LETTER;

  private Mail(String fromAddress, String fromName, String template, Locale language) {
    this.fromAddress = fromAddress;
    this.fromName = fromName;
    this.template = template;
    this.language = language;
  }

  /**
   * A mail from this address, signed with this name, written with the template {@code mail/<template>_<language>.txt}
   * (e.g. {@code customer/confirmation} in Dutch: {@code mail/customer/confirmation_nl.txt}).
   */
  public static Mail from(String address, String name, String template, Locale language) {
    return new Mail(address, name, template, language);
  }

  public Mail to(List<String> addresses) {
    to.addAll(addresses);
    return this;
  }

  public Mail to(String address) {
    return to(List.of(address));
  }

  /** What the template shows. */
  public Mail with(Map<String, ?> values) {
    model.putAll(values);
    return this;
  }

  /**
   * The case the mail is about ({@code EON-2026-00042}, {@code LTR-7}, {@code ESC-2026-3}): it heads the subject in
   * brackets and is part of the Message-ID, so that replies find their way back.
   */
  public Mail about(String caseReference) {
    this.reference = caseReference;
    this.subjectPrefix = "[" + caseReference + "] ";
    return this;
  }

  /** Earlier mails of the thread, oldest first: the last is In-Reply-To, all are References. */
  public Mail inThread(List<String> messageIds) {
    thread.addAll(messageIds);
    return this;
  }

  public Mail attach(List<File> attachments) {
    files.addAll(attachments);
    return this;
  }

  /**
   * An automatic mail (RFC 3834: {@code auto-replied}, {@code auto-generated}): marked so that nobody's robot
   * answers it and a reply to it is no new ticket.
   */
  public Mail automatic(String autoSubmittedValue) {
    this.autoSubmitted = autoSubmittedValue;
    return this;
  }

  public Mail closing(Closing footer) {
    this.closing = footer;
    return this;
  }
}
