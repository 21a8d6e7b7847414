package dev.irctl.engine.run;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.Ports;

/**
 * What a part gets to work in one region: the region ({@link Part#GLOBAL} for a global part), the
 * ports, the account (identified once per run) and the run's pool of call threads.
 */
public record PartContext(String region, Ports ports, Identity identity, Parallel parallel) {}
