package dev.irctl.engine.run;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one loop every command runs: identity once, then the parts in the selected regions. All
 * regional parts of one region run in the same region task (at once, on the shared call pool), at
 * most {@code concurrency} regions at a time; global parts run alongside. A part's failure in a
 * region is that result's, never the run's. Regions the account cannot use fail first, without a
 * call. Each result goes to {@link Progress} as soon as it is known, and while regions are
 * outstanding a tick reports how many.
 */
public final class Runner {
  public static final Duration DEFAULT_TICK = Duration.ofSeconds(10);

  private final Ports ports;
  private final int concurrency;
  private final Progress progress;
  private final Duration tick;

  public Runner(Ports ports, int concurrency, Progress progress, Duration tick) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.ports = ports;
    this.concurrency = concurrency;
    this.progress = progress;
    this.tick = tick;
  }

  public Runner(Ports ports, int concurrency, Progress progress) {
    this(ports, concurrency, progress, DEFAULT_TICK);
  }

  /** sts:GetCallerIdentity, once per run; its failure stops the run before any region starts. */
  public Identity identify() {
    try {
      return ports.account().identity();
    } catch (AwsCallException e) {
      throw new IdentityFailure(e);
    }
  }

  public RunResult run(
      Identity identity,
      RegionSelection selection,
      List<? extends ReadPart> parts,
      Mode mode,
      List<String> warnings) {
    List<ReadPart> all = List.copyOf(parts);
    List<ReadPart> regional = all.stream().filter(p -> !p.global()).toList();
    List<ReadPart> global = all.stream().filter(ReadPart::global).toList();
    int regionCount = regional.isEmpty() ? 0 : selection.regions().size();
    progress.started(identity, regionCount, mode.write());
    List<PartResult> results = new ArrayList<>();
    try (Parallel parallel = new Parallel()) {
      List<CompletableFuture<PartResult>> globals = new ArrayList<>();
      for (ReadPart part : global) {
        globals.add(
            parallel.fork(
                () ->
                    report(
                        runPart(
                            part, new PartContext(Part.GLOBAL, ports, identity, parallel), mode))));
      }
      selection
          .unusable()
          .forEach(
              (region, why) ->
                  regional.forEach(
                      part ->
                          results.add(
                              report(
                                  PartResult.failed(
                                      part.name(),
                                      region,
                                      new Failure(Failure.Kind.REGION_UNUSABLE, why))))));
      if (!regional.isEmpty()) {
        results.addAll(regions(identity, selection.regions(), regional, mode, parallel));
      }
      globals.forEach(g -> results.add(Parallel.join(g)));
    }
    List<String> partNames = parts.stream().map(ReadPart::name).toList();
    results.sort(
        Comparator.comparing((PartResult r) -> r.region().equals(Part.GLOBAL))
            .thenComparing(PartResult::region)
            .thenComparing(r -> partNames.indexOf(r.part())));
    return new RunResult(identity, selection, results, warnings, mode.write());
  }

  private List<PartResult> regions(
      Identity identity, List<String> regions, List<ReadPart> parts, Mode mode, Parallel parallel) {
    if (regions.isEmpty()) {
      return List.of();
    }
    Map<String, Long> outstanding = new ConcurrentHashMap<>();
    // Queued regions sort after started ones: the slowest is the one that started first.
    regions.forEach(r -> outstanding.put(r, Long.MAX_VALUE));
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(concurrency, regions.size()), daemon("irctl-region"));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(daemon("irctl-tick"));
    ticker.scheduleAtFixedRate(
        () -> tick(outstanding), tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    try {
      List<Future<List<PartResult>>> futures = new ArrayList<>();
      for (String region : regions) {
        futures.add(
            pool.submit(
                () -> {
                  outstanding.put(region, System.nanoTime());
                  try {
                    return inRegion(region, identity, parts, mode, parallel);
                  } finally {
                    outstanding.remove(region);
                  }
                }));
      }
      List<PartResult> results = new ArrayList<>();
      for (Future<List<PartResult>> future : futures) {
        results.addAll(await(future));
      }
      return results;
    } finally {
      ticker.shutdownNow();
      pool.shutdownNow();
    }
  }

  private List<PartResult> inRegion(
      String region, Identity identity, List<ReadPart> parts, Mode mode, Parallel parallel) {
    PartContext context = new PartContext(region, ports, identity, parallel);
    if (parts.size() == 1) {
      return List.of(report(runPart(parts.get(0), context, mode)));
    }
    List<CompletableFuture<PartResult>> running = new ArrayList<>();
    parts.forEach(p -> running.add(parallel.fork(() -> report(runPart(p, context, mode)))));
    return running.stream().map(Parallel::join).toList();
  }

  /**
   * One part in one region: plan, then (when the mode writes, the part is one that writes, and the
   * gate allows) apply. A read-only part's changes stay pending: it has no apply to call.
   */
  static PartResult runPart(ReadPart part, PartContext context, Mode mode) {
    String name = part.name();
    String region = context.region();
    PartPlan plan;
    String fingerprint;
    try {
      plan = part.plan(context);
      fingerprint = Fingerprint.of(plan.actual());
    } catch (RuntimeException e) {
      return PartResult.failed(name, region, Failure.of(e));
    }
    if (plan.skipped().isPresent()) {
      return new PartResult(
          name,
          region,
          PartStatus.SKIPPED,
          List.of(),
          0,
          plan.skipped().map(why -> new Failure(Failure.Kind.CONFLICT, why)),
          plan.notes(),
          java.util.Optional.empty());
    }
    java.util.Optional<String> print = java.util.Optional.of(fingerprint);
    if (plan.inSync()) {
      return result(name, region, PartStatus.IN_SYNC, plan, 0, null, print);
    }
    if (!mode.write() || !(part instanceof Part writer)) {
      return result(name, region, PartStatus.PENDING, plan, 0, null, print);
    }
    java.util.Optional<Failure> held = mode.gate().check(name, region, plan, fingerprint);
    if (held.isPresent()) {
      return new PartResult(
          name, region, PartStatus.FAILED, plan.changes(), 0, held, plan.notes(), print);
    }
    try {
      Applied applied = writer.apply(context, plan);
      PartPlan done =
          new PartPlan(
              plan.changes(),
              plan.actual(),
              plan.detail(),
              plan.notes().withIds(applied.ids()),
              plan.skipped());
      if (applied.failures().isEmpty()) {
        return result(name, region, PartStatus.APPLIED, done, applied.writes(), null, print);
      }
      return result(
          name,
          region,
          PartStatus.FAILED,
          done,
          applied.writes(),
          new Failure(Failure.Kind.PARTIAL_APPLY, applied.summary()),
          print);
    } catch (RuntimeException e) {
      return new PartResult(
          name,
          region,
          PartStatus.FAILED,
          plan.changes(),
          0,
          java.util.Optional.of(Failure.of(e)),
          plan.notes(),
          print);
    }
  }

  private static PartResult result(
      String name,
      String region,
      PartStatus status,
      PartPlan plan,
      int writes,
      Failure failure,
      java.util.Optional<String> fingerprint) {
    return new PartResult(
        name,
        region,
        status,
        plan.changes(),
        writes,
        java.util.Optional.ofNullable(failure),
        plan.notes(),
        fingerprint);
  }

  private PartResult report(PartResult result) {
    synchronized (progress) {
      progress.finished(result);
    }
    return result;
  }

  private void tick(Map<String, Long> outstanding) {
    if (outstanding.isEmpty()) {
      return;
    }
    String slowest =
        outstanding.entrySet().stream()
            .min(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("");
    synchronized (progress) {
      progress.waiting(outstanding.size(), slowest);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for regions", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("region task escaped its own error handling", e.getCause());
    }
  }
}
