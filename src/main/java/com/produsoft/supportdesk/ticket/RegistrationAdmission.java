package com.produsoft.supportdesk.ticket;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * How many registrations this node works on at once, whatever the channel: the JSON API and the customers' form
 * posts ({@link RegistrationGuard}) and the mail poller. Each admitted registration holds one pooled connection;
 * beyond the permits a registration waits briefly for one and is then refused (503 with Retry-After on the web, a
 * slower pass for the mail poller) instead of queueing for a connection until the pool's time-out and answering
 * that the database is unreachable while it is fine (issue 16). The permits are half the connection pool unless
 * {@code support.tickets.concurrent-registrations} says otherwise: the other half is left to the job executor,
 * Tasklist, Cockpit and the REST API.
 */
@Component
public class RegistrationAdmission {

  /** Hikari's default pool size, for a data source that is not Hikari's. */
  private static final int DEFAULT_POOL_SIZE = 10;

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationAdmission.class);

  private final Semaphore permits;
  private final Duration wait;
  private final Duration retryAfter;

  @Autowired
  RegistrationAdmission(TicketProperties properties, DataSource dataSource) {
    this(properties.concurrentRegistrations() > 0 ? properties.concurrentRegistrations()
        : Math.max(1, poolSize(dataSource) / 2), properties.admissionWait(), properties.busyRetryAfter());
    LOG.info("Registrations worked on at once: {}; beyond them a registration waits {} ms, then is refused",
        permits.availablePermits(), wait.toMillis());
  }

  RegistrationAdmission(int size, Duration wait, Duration retryAfter) {
    this.permits = new Semaphore(size, true);
    this.wait = wait;
    this.retryAfter = retryAfter;
  }

  /** A registration admitted to run; closing it lets the next one in. */
  public final class Permit implements AutoCloseable {

    private final AtomicBoolean open = new AtomicBoolean(true);

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        permits.release();
      }
    }
  }

  /** A permit, or none when no registration finished within the wait. */
  public Optional<Permit> enter() {
    try {
      return permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(new Permit()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** What a refused client is told to wait before it sends again. */
  public Duration retryAfter() {
    return retryAfter;
  }

  private static int poolSize(DataSource dataSource) {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() : DEFAULT_POOL_SIZE;
    } catch (SQLException e) {
      return DEFAULT_POOL_SIZE;
    }
  }
}
