package dev.irctl.engine.run;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.Ports;

/**
 * What a part gets to work in one region: the region ({@link Part#GLOBAL} for a global part), the
 * ports, the account (identified once per run), the run's pool of call threads, and the run's
 * {@link Cancellation}, which a part with many writes checks before starting each one.
 */
public record PartContext(
    String region, Ports ports, Identity identity, Parallel parallel, Cancellation cancellation) {
  public PartContext(String region, Ports ports, Identity identity, Parallel parallel) {
    this(region, ports, identity, parallel, Cancellation.none());
  }
}
