package com.produsoft.supportdesk.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Connector/J query interceptor ({@code queryInterceptors=...}): while capturing, keeps the SQL of the support
 * desk's own SELECTs as the server receives it (client-side prepared statements: values in place), so that the
 * benchmark can EXPLAIN exactly what each report endpoint ran. Camunda's statements (ACT_ tables) are left out.
 */
public class CapturedQueries implements QueryInterceptor {

  /** Camunda's tables (ACT_RU_TASK ...), not a column such as CONTACT_NAME. */
  private static final Pattern CAMUNDA_TABLE = Pattern.compile("\\bACT_");
  private static final List<String> captured = new ArrayList<>();
  private static volatile boolean capturing;

  /** Starts capturing afresh. */
  static synchronized void start() {
    captured.clear();
    capturing = true;
  }

  /** Stops and answers what was captured since {@link #start()}. */
  static synchronized List<String> stop() {
    capturing = false;
    return List.copyOf(captured);
  }

  private static synchronized void add(String sql) {
    if (capturing) {
      captured.add(sql);
    }
  }

  @Override
  public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
    return this;
  }

  @Override
  public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
    if (capturing) {
      String text = sql.get();
      String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
      if (upper.startsWith("SELECT") && !CAMUNDA_TABLE.matcher(upper).find()) {
        add(text.strip());
      }
    }
    return null;
  }

  @Override
  public boolean executeTopLevelOnly() {
    return true;
  }

  @Override
  public void destroy() {
  }

  @Override
  public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
    return null;
  }
}
