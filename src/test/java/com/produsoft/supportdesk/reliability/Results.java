package com.produsoft.supportdesk.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The results table, printed at the end of each scenario and kept in {@code target/reliability/results.md}: each
 * scenario replaces its own section, so the file holds the last run of every scenario.
 */
final class Results {

  private static final Path FILE = AppNode.RESULTS.resolve("results.md");
  private static final String HEADER = "| scenario | what | acknowledged | found | duplicated | lost |\n"
      + "|---|---|---:|---:|---:|---:|\n";

  private Results() {
  }

  static synchronized void publish(String scenario, List<Ledger.Row> rows, List<String> figures) throws IOException {
    StringBuilder section = new StringBuilder("## " + scenario + "\n\n").append(HEADER);
    rows.forEach(row -> section.append("| %s | %s | %d | %d | %d | %d |%n".formatted(row.scenario(), row.what(),
        row.acknowledged(), row.found(), row.duplicated(), row.lost())));
    section.append('\n');
    figures.forEach(figure -> section.append("- ").append(figure).append('\n'));
    section.append('\n');
    System.out.println("\n" + section);

    Files.createDirectories(FILE.getParent());
    List<String> sections = new ArrayList<>();
    if (Files.exists(FILE)) {
      for (String earlier : Files.readString(FILE).split("(?m)^(?=## )")) {
        if (earlier.startsWith("## ") && !earlier.startsWith("## " + scenario + "\n")) {
          sections.add(earlier);
        }
      }
    }
    sections.add(section.toString());
    Files.writeString(FILE, "# Reliability scenarios\n\n" + String.join("", sections));
  }
}
