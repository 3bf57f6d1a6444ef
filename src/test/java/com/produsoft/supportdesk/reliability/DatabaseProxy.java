package com.produsoft.supportdesk.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy between the application and MariaDB, so that a test can take the database away from one node
 * without stopping the server other work uses: {@link #cut()} closes every open connection and stops listening
 * (new connections are refused, as with a stopped server); {@link #restore()} listens again on the same port.
 */
final class DatabaseProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "db-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private volatile ServerSocket listener;

  DatabaseProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = AppNode.freePort();
    restore();
  }

  int port() {
    return port;
  }

  /** The outage begins: open connections break, new ones are refused. */
  synchronized void cut() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closed already
    }
    open.forEach(DatabaseProxy::closeQuietly);
    open.clear();
  }

  /** The database is back. */
  synchronized void restore() {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress("127.0.0.1", port));
      listener = server;
      threads.execute(() -> accept(server));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + port, e);
    }
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket database = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(database);
        if (server.isClosed()) {
          // accepted just as the outage began
          closeQuietly(client);
          closeQuietly(database);
          return;
        }
        threads.execute(() -> pump(client, database));
        threads.execute(() -> pump(database, client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException broken) {
      // one side closed or was cut: close both
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    cut();
    threads.shutdownNow();
  }
}
