package dev.irctl.engine.delivery;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Diagnoses every region's alert path at once, read-only; a region that cannot be read is an error
 * for that region only.
 */
public final class Doctor {
  private final Ports ports;
  private final Clock clock;

  public Doctor(Ports ports, Clock clock) {
    this.ports = ports;
    this.clock = clock;
  }

  public DoctorResult diagnose(List<DoctorTarget> targets) {
    if (targets.isEmpty()) {
      return new DoctorResult(List.of());
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(targets.size(), Parallel.daemon("irctl-doctor"));
    try (Parallel parallel = new Parallel()) {
      List<CompletableFuture<RegionDiagnosis>> futures = new ArrayList<>();
      for (DoctorTarget target : targets) {
        futures.add(CompletableFuture.supplyAsync(() -> diagnose(target, parallel), pool));
      }
      return new DoctorResult(futures.stream().map(CompletableFuture::join).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One region's diagnosis on the caller's call pool (status' delivery part runs this); a region
   * that cannot be read is a diagnosis with an error, never a throw.
   */
  public RegionDiagnosis diagnose(DoctorTarget target, Parallel parallel) {
    try {
      RegionFacts facts = new DeliveryReader(ports, parallel).read(target, clock.instant());
      return new RegionDiagnosis(target.region(), DeliveryChecks.all(facts), Optional.empty());
    } catch (AwsCallException e) {
      return new RegionDiagnosis(target.region(), List.of(), Optional.of(e.getMessage()));
    }
  }
}
