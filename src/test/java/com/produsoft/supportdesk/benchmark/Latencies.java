package com.produsoft.supportdesk.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Latencies of one benchmark run, recorded from many threads: throughput and percentiles. */
public final class Latencies {

  private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
  private volatile long startedAt;
  private volatile long endedAt;

  public void start() {
    startedAt = System.nanoTime();
  }

  public void stop() {
    endedAt = System.nanoTime();
  }

  /** Times one call and records how long it took. */
  public <T> T time(ThrowingSupplier<T> call) throws Exception {
    long begin = System.nanoTime();
    T result = call.get();
    nanos.add(System.nanoTime() - begin);
    return result;
  }

  public void record(Duration duration) {
    nanos.add(duration.toNanos());
  }

  public int count() {
    return nanos.size();
  }

  /** Calls per second between {@link #start()} and {@link #stop()}. */
  public double perSecond() {
    return count() / ((endedAt - startedAt) / 1e9);
  }

  /** The latency below which {@code percent} % of the calls stayed, in milliseconds (nearest rank). */
  public double percentileMillis(double percent) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      throw new IllegalStateException("no latency recorded");
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1] / 1e6;
  }

  public double meanMillis() {
    return Arrays.stream(nanos.toArray(Long[]::new)).mapToLong(Long::longValue).average().orElseThrow() / 1e6;
  }

  @FunctionalInterface
  public interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
