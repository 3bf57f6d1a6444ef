package com.produsoft.supportdesk.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.produsoft.supportdesk.platform.ApplicationNode;

/** The application nodes of the scenarios: the packaged jar, wired to the test JVM's mail server. */
final class AppNode {

  static final Path RESULTS = Path.of("target", "reliability");

  private AppNode() {
  }

  /**
   * @param datasource the {@code --spring.datasource.*} arguments (MySqlDatabase.springArguments() or a proxy's)
   * @param extra further arguments, e.g. demo data on this node only
   */
  static ApplicationNode of(String name, List<String> datasource, Mailboxes mail, String... extra) {
    List<String> arguments = new ArrayList<>(List.of(
        // the mail server of the test JVM: SMTP for customer mail, IMAP for the product mailboxes (fast polling)
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.smtpPort(),
        "--spring.mail.properties.mail.smtp.auth=false",
        "--spring.mail.properties.mail.smtp.starttls.enable=false",
        "--support.mail.embedded=false", "--support.mail.polling=true", "--support.mail.poll-interval=PT1S",
        "--support.mail.imap.host=127.0.0.1", "--support.mail.imap.port=" + mail.imapPort(),
        "--support.mail.imap.protocol=imap", "--support.mail.imap.password=" + Mailboxes.PASSWORD,
        // the load comes from one address; the abuse guard is not what these scenarios measure
        "--support.tickets.registrations-per-minute=1000000",
        // Camunda's job log records which node ran a job
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    arguments.addAll(datasource);
    arguments.addAll(Arrays.asList(extra));
    // short-lived JVMs on a busy machine: C1 only starts faster, and the scenarios measure counts, not speed
    return new ApplicationNode(name, RESULTS, List.of("-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        arguments);
  }
}
