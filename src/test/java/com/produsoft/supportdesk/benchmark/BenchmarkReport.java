package com.produsoft.supportdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.boot.SpringBootVersion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The results table of {@code ./mvnw -Pbenchmark verify}. Each benchmark class runs in its own JVM and writes its
 * section to {@code target/benchmark/<id>.json}; every write then rebuilds {@code results.json} and
 * {@code results.md} from all sections present, so the table always holds the latest run of each benchmark,
 * with the machine, versions and settings it ran on. Every figure comes from the run itself.
 */
public final class BenchmarkReport {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  /** One measured figure; {@code target} is the goal in words (e.g. "< 50 ms"), {@code met} null if none. */
  public record Row(String scenario, String metric, double value, String unit, String target, Boolean met) {
  }

  public record Section(String id, String title, Instant ranAt, Map<String, String> environment,
      Map<String, String> settings, List<Row> rows, List<String> remarks) {
  }

  private final String id;
  private final String title;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<String> remarks = new ArrayList<>();

  public BenchmarkReport(String id, String title) {
    this.id = id;
    this.title = title;
    environment.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    environment.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    // The machine may be shared: its load when the benchmark starts tells how far the figures can be trusted.
    environment.put("load average at start", String.format(Locale.ROOT, "%.1f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    environment.put("benchmark JVM heap max", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    environment.put("benchmark JVM arguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    environment.put("Spring Boot", SpringBootVersion.getVersion());
    environment.put("Camunda", ProductPropertiesUtil.getProductVersion());
  }

  /** Adds the database server's name and version, read from the connection the benchmark uses. */
  public BenchmarkReport database(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SELECT VERSION()")) {
      version.next();
      environment.put("database", connection.getMetaData().getDatabaseProductName() + " " + version.getString(1));
      environment.put("JDBC driver", connection.getMetaData().getDriverName() + " "
          + connection.getMetaData().getDriverVersion());
    }
    return this;
  }

  /** A setting the figures depend on: pool size, job executor, history level... */
  public BenchmarkReport setting(String name, Object value) {
    settings.put(name, String.valueOf(value));
    return this;
  }

  public BenchmarkReport remark(String remark) {
    remarks.add(remark);
    return this;
  }

  public BenchmarkReport row(String scenario, String metric, double value, String unit) {
    rows.add(new Row(scenario, metric, value, unit, null, null));
    return this;
  }

  /** A figure with a goal: {@code met} says whether the measured value reached it. */
  public BenchmarkReport row(String scenario, String metric, double value, String unit, String target, boolean met) {
    rows.add(new Row(scenario, metric, value, unit, target, met));
    return this;
  }

  /** Writes this section and rebuilds the whole table from every section in the output folder. */
  public void write() {
    Path folder = outputFolder();
    try {
      Files.createDirectories(folder);
      JSON.writeValue(folder.resolve(id + ".json").toFile(),
          new Section(id, title, Instant.now(), environment, settings, rows, remarks));
      List<Section> sections = readSections(folder);
      JSON.writeValue(folder.resolve("results.json").toFile(), Map.of("sections", sections));
      Files.writeString(folder.resolve("results.md"), markdown(sections));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(markdown(List.of(new Section(id, title, Instant.now(), environment, settings, rows, remarks))));
  }

  static Path outputFolder() {
    return Path.of(System.getProperty("benchmark.output", "target/benchmark"));
  }

  private static List<Section> readSections(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Section> sections = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().equals("results.json")).sorted().toList()) {
        sections.add(JSON.readValue(file.toFile(), Section.class));
      }
      sections.sort(Comparator.comparing(Section::id));
      return sections;
    }
  }

  static String markdown(List<Section> sections) {
    StringBuilder md = new StringBuilder("# Benchmark results\n\n");
    md.append("Produced by `./mvnw -Pbenchmark verify` (docs/performance.md). Every figure below was measured by the"
        + " run itself; ratios compare figures of one run on one database.\n");
    for (Section section : sections) {
      md.append("\n## ").append(section.title()).append("\n\n");
      md.append("Run ").append(section.ranAt()).append(". ");
      section.environment().forEach((name, value) -> md.append(name).append(": ").append(value).append("; "));
      md.append("\n\n");
      if (!section.settings().isEmpty()) {
        md.append("Settings: ");
        section.settings().forEach((name, value) -> md.append('`').append(name).append("` = ").append(value).append("; "));
        md.append("\n\n");
      }
      md.append("| scenario | figure | value | unit | target | met |\n|---|---|---:|---|---|---|\n");
      for (Row row : section.rows()) {
        md.append("| ").append(row.scenario()).append(" | ").append(row.metric()).append(" | ")
            .append(format(row.value())).append(" | ").append(row.unit()).append(" | ")
            .append(row.target() == null ? "" : row.target()).append(" | ")
            .append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" |\n");
      }
      section.remarks().forEach(remark -> md.append("\n- ").append(remark));
      md.append('\n');
    }
    return md.toString();
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
