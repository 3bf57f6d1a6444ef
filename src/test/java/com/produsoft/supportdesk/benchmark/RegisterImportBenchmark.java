package com.produsoft.supportdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.produsoft.supportdesk.SupportDeskApplication;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.produsoft.supportdesk.register.RegisterFiles;
import com.produsoft.supportdesk.register.RegisterImport;
import com.produsoft.supportdesk.register.RegisterUpload;
import com.produsoft.supportdesk.register.RegisterUploadRepository;

/**
 * Issue 18: a register import of 5,000 customers takes well under a minute on MySQL/MariaDB. The application runs
 * in-process on the {@code mysql} profile against a fresh, empty database (no demo data, job executor off so that
 * the contracts' timers wait); the files are an export of 5,000 customers, each with a system responsible and a
 * deputy trained on Edgecam, a licence and a running contract ({@link RegisterFiles#many}). Measured: the dry run,
 * the apply (one transaction, 5,000 contract processes started) and the same files again (nothing changes).
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pbenchmark verify -Dit.test=RegisterImportBenchmark}; results in target/benchmark/.
 */
class RegisterImportBenchmark {

  private static final int CUSTOMERS = 5_000;
  private static final double TARGET_SECONDS = 60;

  private final BenchmarkReport report = new BenchmarkReport("register-import",
      "Register import of 5,000 customers (issue 18)");

  @Test
  @DisplayName("5,000 customers with contacts, licences and contracts import in well under a minute on MySQL/MariaDB")
  void fiveThousandCustomers() throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("register_import");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
            .profiles("mysql").run(arguments(database))) {
      try (Connection connection = app.getBean(DataSource.class).getConnection()) {
        report.database(connection);
      }
      RegisterImport.Files files = RegisterFiles.many(CUSTOMERS);
      RegisterUploadRepository uploads = app.getBean(RegisterUploadRepository.class);
      RegisterImport registerImport = app.getBean(RegisterImport.class);
      report.setting("files", CUSTOMERS + " customers, " + 2 * CUSTOMERS + " contacts with a training, " + CUSTOMERS
              + " licences, " + CUSTOMERS + " contracts")
          .setting("bytes", files.customers().length() + files.contacts().length() + files.licences().length()
              + files.contracts().length())
          .setting("profile", "mysql, empty database, no demo data, job executor off");

      Long upload = uploads.save(new RegisterUpload("benchmark", EngineClock.now(), files)).getId();
      long start = System.nanoTime();
      RegisterImport.Outcome dryRun = registerImport.check(upload);
      double dryRunSeconds = seconds(start);
      assertThat(dryRun.problems()).isEmpty();
      report.row("dry run (rolled back)", "time", dryRunSeconds, "s", "< " + (int) TARGET_SECONDS + " s",
          dryRunSeconds < TARGET_SECONDS);

      start = System.nanoTime();
      RegisterImport.Outcome applied = registerImport.apply(upload, "benchmark").orElseThrow();
      double applySeconds = seconds(start);
      assertThat(applied.applied()).isTrue();
      assertThat(app.getBean(CustomerRepository.class).count()).isEqualTo(CUSTOMERS);
      report.row("apply (one transaction, processes started)", "time", applySeconds, "s",
          "< " + (int) TARGET_SECONDS + " s", applySeconds < TARGET_SECONDS);

      Long again = uploads.save(new RegisterUpload("benchmark", EngineClock.now(), files)).getId();
      start = System.nanoTime();
      RegisterImport.Outcome rerun = registerImport.apply(again, "benchmark").orElseThrow();
      double rerunSeconds = seconds(start);
      assertThat(rerun.summary()).isEqualTo("customers +0 ~0, contacts +0 ~0, licences +0 ~0, contracts +0 ~0");
      report.row("same files again (nothing changes)", "time", rerunSeconds, "s", "< " + (int) TARGET_SECONDS + " s",
          rerunSeconds < TARGET_SECONDS);
      report.remark("Wall-clock times of RegisterImport.check and apply in-process, on a 2-core machine shared with"
          + " other builds; the upload and the page rendering are not included.");
      report.write();
    }
  }

  private static double seconds(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
  }

  private static String[] arguments(MySqlDatabase database) {
    List<String> arguments = new ArrayList<>(List.of(database.springArguments()));
    arguments.addAll(List.of("--server.port=0", "--support.mail.polling=false",
        "--camunda.bpm.job-execution.enabled=false"));
    return arguments.toArray(String[]::new);
  }
}
