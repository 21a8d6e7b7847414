package dev.irctl.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Loopback ports for the emulator tier's proxies: the first free port in {@code
 * irctl.emulator.ports} ("FROM-TO", the range {@code .ci/run} hands over, so a shared machine can
 * fence the tier in), or any free port when the property is unset.
 */
final class LoopbackPorts {
  static final String PROPERTY = "irctl.emulator.ports";

  private LoopbackPorts() {}

  /** {@code [from, to]}, or {@code [0, 0]} for "any free port". */
  static int[] range() {
    String range = System.getProperty(PROPERTY, System.getenv("IRCTL_EMULATOR_PORTS"));
    if (range == null || range.isBlank()) {
      return new int[] {0, 0};
    }
    String[] bounds = range.trim().split("-", 2);
    int from = Integer.parseInt(bounds[0].trim());
    int to = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : from;
    return new int[] {from, to};
  }

  static HttpServer bind(int[] range) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    IOException last = null;
    for (int port = range[0]; port <= range[1]; port++) {
      try {
        return HttpServer.create(new InetSocketAddress(loopback, port), 64);
      } catch (BindException e) {
        last = e;
      }
    }
    throw new IOException(
        "no free loopback port in " + range[0] + "-" + range[1] + " (" + PROPERTY + ")", last);
  }
}
