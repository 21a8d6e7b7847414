package dev.irctl.aws;

import dev.irctl.engine.port.GuardDutyPort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.RegionDirectoryPort;
import dev.irctl.engine.port.Session;

/** Ports backed by AWS SDK clients built by one {@link AwsClients}. */
final class AwsPorts implements Ports {
  private final AwsClients clients;

  AwsPorts(Session session) {
    this.clients = new AwsClients(session);
  }

  @Override
  public void checkCredentials() {
    clients.checkCredentials();
  }

  @Override
  public RegionDirectoryPort regions() {
    throw new IllegalStateException("wired in the next commit");
  }

  @Override
  public GuardDutyPort guardDuty(String region) {
    throw new IllegalStateException("wired in the next commit");
  }

  @Override
  public void close() {
    clients.close();
  }
}
