package com.produsoft.supportdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.security.WebClient;

/**
 * Times one GET endpoint over HTTP as a demo user and writes its rows: 5 warm-up calls, then 30 measured, p50/p95/max
 * against the target; the SQL the endpoint ran (captured by {@link CapturedQueries}) timed alone through JDBC and
 * EXPLAINed in a remark, to show the index each query reads. Used by the report and the search benchmarks.
 */
final class EndpointTimings {

  static final int WARM_UP = 5;
  static final int MEASURED = 30;

  private EndpointTimings() {
  }

  static void measure(BenchmarkReport report, WebClient web, JdbcTemplate jdbc, String scenario, String path,
      String user, double targetMs) throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      call(web, path, user);
    }
    CapturedQueries.start();
    call(web, path, user);
    List<String> queries = CapturedQueries.stop();
    Latencies latencies = new Latencies();
    latencies.start();
    for (int i = 0; i < MEASURED; i++) {
      latencies.time(() -> call(web, path, user));
    }
    latencies.stop();
    double p95 = latencies.percentileMillis(95);
    double max = latencies.percentileMillis(100);
    report.row(scenario, "p50", latencies.percentileMillis(50), "ms")
        .row(scenario, "p95", p95, "ms", "< " + (int) targetMs + " ms", p95 < targetMs)
        .row(scenario, "max", max, "ms", "< " + (int) targetMs + " ms", max < targetMs);
    assertThat(queries).as("the SQL of " + path).isNotEmpty();
    // The same SQL straight through JDBC: the database's share of the call, without HTTP and authentication.
    Latencies database = new Latencies();
    for (int i = 0; i < MEASURED; i++) {
      database.time(() -> {
        queries.forEach(jdbc::queryForList);
        return null;
      });
    }
    report.row(scenario, "SQL only p50", database.percentileMillis(50), "ms")
        .row(scenario, "SQL only p95", database.percentileMillis(95), "ms");
    List<String> plans = new ArrayList<>();
    for (String sql : queries.stream().distinct().toList()) {
      for (Map<String, Object> step : jdbc.queryForList("EXPLAIN " + sql)) {
        plans.add(step.get("table") + ": " + step.get("type") + " on " + step.get("key") + ", ~" + step.get("rows")
            + " rows" + (step.get("Extra") == null ? "" : ", " + step.get("Extra")));
      }
    }
    report.remark(scenario + " (" + queries.size() + " queries) - EXPLAIN: " + String.join("; ", plans));
  }

  /** The body of a GET that must answer 200. */
  static String call(WebClient web, String path, String user) {
    HttpResponse<String> response = web.get(path, user, DemoUsers.PASSWORD);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
