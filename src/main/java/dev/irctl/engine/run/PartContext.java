package dev.irctl.engine.run;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.Ports;
import java.util.List;

/**
 * What a part gets to work in one region: the region ({@link Part#GLOBAL} for a global part), the
 * ports, the account (identified once per run), the run's pool of call threads, every region the
 * run chose (a global part that deploys to regions, the member stack set, reads them here; a
 * regional part that also runs elsewhere, {@link ReadPart#regions}, tells those apart), and the
 * run's {@link Cancellation}, which a part with many writes checks before starting each one.
 */
public record PartContext(
    String region,
    Ports ports,
    Identity identity,
    Parallel parallel,
    List<String> regions,
    Cancellation cancellation) {
  public PartContext {
    regions = List.copyOf(regions);
  }

  public PartContext(String region, Ports ports, Identity identity, Parallel parallel) {
    this(region, ports, identity, parallel, List.of(), Cancellation.none());
  }

  public PartContext(
      String region, Ports ports, Identity identity, Parallel parallel, List<String> regions) {
    this(region, ports, identity, parallel, regions, Cancellation.none());
  }

  public PartContext(
      String region, Ports ports, Identity identity, Parallel parallel, Cancellation cancellation) {
    this(region, ports, identity, parallel, List.of(), cancellation);
  }
}
