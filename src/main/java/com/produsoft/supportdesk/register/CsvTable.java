package com.produsoft.supportdesk.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file as accounting and CRM programs export it: a header line naming the columns (any order, any case),
 * separated by semicolons (Excel in Belgium) or commas, whichever the header holds more of; fields in double quotes
 * may hold separators, line breaks and doubled quotes (RFC 4180). A byte order mark and blank lines are ignored.
 */
final class CsvTable {

  /** One record and the line it starts on (the header is line 1). */
  record Row(int line, Map<String, String> cells) {

    /** The trimmed cell, or null when blank or when the file has no such column. */
    String get(String column) {
      String value = cells.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }

    boolean has(String column) {
      return cells.containsKey(column);
    }
  }

  private final List<String> columns;
  private final List<Row> rows;
  /** The line of a quoted field that never ends, or 0. */
  private final int unterminatedQuoteLine;

  private CsvTable(List<String> columns, List<Row> rows, int unterminatedQuoteLine) {
    this.columns = columns;
    this.rows = rows;
    this.unterminatedQuoteLine = unterminatedQuoteLine;
  }

  static CsvTable parse(String text) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    char separator = separator(content);
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordLine = 1;
    int quoteLine = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
        quoteLine = line;
      } else if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        addRecord(records, lines, fields, recordLine);
        fields = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    addRecord(records, lines, fields, recordLine);
    if (records.isEmpty()) {
      return new CsvTable(List.of(), List.of(), quoted ? quoteLine : 0);
    }
    List<String> header = records.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      Map<String, String> cells = new LinkedHashMap<>();
      List<String> values = records.get(r);
      for (int c = 0; c < header.size(); c++) {
        cells.put(header.get(c), c < values.size() ? values.get(c) : "");
      }
      rows.add(new Row(lines.get(r), cells));
    }
    return new CsvTable(header, rows, quoted ? quoteLine : 0);
  }

  private static void addRecord(List<List<String>> records, List<Integer> lines, List<String> fields, int line) {
    boolean blank = fields.stream().allMatch(String::isBlank);
    if (!blank) {
      records.add(fields);
      lines.add(line);
    }
  }

  private static char separator(String content) {
    int end = content.indexOf('\n');
    String header = end < 0 ? content : content.substring(0, end);
    long semicolons = header.chars().filter(c -> c == ';').count();
    long commas = header.chars().filter(c -> c == ',').count();
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
  }

  List<String> columns() {
    return columns;
  }

  List<Row> rows() {
    return rows;
  }

  int unterminatedQuoteLine() {
    return unterminatedQuoteLine;
  }
}
