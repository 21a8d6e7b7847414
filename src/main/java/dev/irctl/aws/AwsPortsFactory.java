package dev.irctl.aws;

import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.PortsFactory;
import dev.irctl.engine.port.Session;

/** Production wiring: ports backed by the AWS SDK. */
public final class AwsPortsFactory implements PortsFactory {
  @Override
  public Ports open(Session session) {
    return new AwsPorts(session);
  }
}
