package dev.irctl.engine.port;

/**
 * Opens the ports for one command run; the AWS adapters in production, in-memory fakes in tests.
 */
public interface PortsFactory {
  Ports open(Session session);
}
