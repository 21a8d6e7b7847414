package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.PermissionCatalog;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.PortsFactory;
import dev.irctl.engine.port.Session;
import java.util.List;
import java.util.Set;

/** Production wiring: ports backed by the AWS SDK, and the actions their adapters call. */
public final class AwsPortsFactory implements PortsFactory, PermissionCatalog {
  @Override
  public Ports open(Session session) {
    return new AwsPorts(session);
  }

  @Override
  public Set<String> commands() {
    return CommandActions.commands();
  }

  @Override
  public Set<String> readOnlyCommands() {
    return CommandActions.readOnlyCommands();
  }

  @Override
  public List<AwsAction> actions(String command) {
    return CommandActions.actions(command);
  }
}
