package dev.irctl.aws;

import dev.irctl.engine.port.GuardDutyPort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.RegionDirectoryPort;
import dev.irctl.engine.port.Session;
import java.util.function.Supplier;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClientBuilder;

/** Ports backed by AWS SDK clients built by one {@link AwsClients}. */
final class AwsPorts implements Ports {
  private final AwsClients clients;

  AwsPorts(Session session) {
    this(new AwsClients(session));
  }

  AwsPorts(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public void checkCredentials() {
    clients.checkCredentials();
  }

  @Override
  public RegionDirectoryPort regions() {
    return new RegionDirectoryAdapter(clients);
  }

  @Override
  public GuardDutyPort guardDuty(String region) {
    Supplier<GuardDutyClientBuilder> builder = GuardDutyClient::builder;
    return new GuardDutyAdapter(clients.client("guardduty", region, builder));
  }

  @Override
  public void close() {
    clients.close();
  }
}
