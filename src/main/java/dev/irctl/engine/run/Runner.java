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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one loop every command runs: identity once, then the parts in the selected regions. All
 * regional parts of one region run in the same region task (at once, on the shared call pool), at
 * most {@code concurrency} regions at a time; global parts run alongside (one that waits for a
 * regional part, after every region). A part's failure in a region is that result's, never the
 * run's. Regions the account cannot use fail first, without a call. Each result goes to {@link
 * Progress} as soon as it is known, and while regions are outstanding a tick reports how many. With
 * {@link #secondPass}, retryable failures run once more after the others finish. Once the mode's
 * {@link Cancellation} is requested, no region, apply or second pass starts.
 */
public final class Runner {
  public static final Duration DEFAULT_TICK = Duration.ofSeconds(10);

  private final Ports ports;
  private final int concurrency;
  private final Progress progress;
  private final Duration tick;

  /** The wait before the second pass; null: no second pass. */
  private Supplier<Duration> secondPassDelay;

  /** One to three seconds: long enough for a throttled endpoint to recover, short for a person. */
  public static final Supplier<Duration> JITTERED_DELAY =
      () -> Duration.ofMillis(1000 + ThreadLocalRandom.current().nextLong(2000));

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

  /**
   * After every region has finished, parts that failed for a reason a later attempt may not meet
   * (throttling, timeouts, 5xx) run once more, after {@code delay} (the CLI's is {@link
   * #JITTERED_DELAY}; tests pass zero). Without this call there is no second pass.
   */
  public Runner secondPass(Supplier<Duration> delay) {
    this.secondPassDelay = delay;
    return this;
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
    List<String> chosen = selection.regions();
    Map<String, List<ReadPart>> byRegion = byRegion(regional, chosen);
    int regionCount = byRegion.size();
    progress.started(identity, regionCount, mode.write());
    List<PartResult> results = new ArrayList<>();
    try (Parallel parallel = new Parallel()) {
      List<CompletableFuture<PartResult>> globals = new ArrayList<>();
      PartContext globalContext =
          new PartContext(
              Part.GLOBAL, ports, identity, parallel, selection.regions(), mode.cancellation());
      java.util.Set<String> globalNames = new java.util.HashSet<>();
      global.forEach(p -> globalNames.add(p.name()));
      java.util.Set<String> regionalNames = new java.util.HashSet<>();
      regional.forEach(p -> regionalNames.add(p.name()));
      List<ReadPart> waiting = new ArrayList<>();
      // A global part that waits for a regional one (the forwarder role's removal after the
      // regions' rules) starts once every region has finished.
      List<ReadPart> afterRegions = new ArrayList<>();
      for (ReadPart part : global) {
        if (part.after().stream().anyMatch(regionalNames::contains)) {
          afterRegions.add(part);
        } else if (part.after().stream().anyMatch(globalNames::contains)) {
          waiting.add(part);
        } else {
          globals.add(parallel.fork(() -> report(runPart(part, globalContext, mode))));
        }
      }
      if (!waiting.isEmpty()) {
        // A global part that waits for others (the stack sets after the hub bus policy) starts
        // when they have finished, on its own thread, while the regions run.
        List<CompletableFuture<PartResult>> first = List.copyOf(globals);
        for (ReadPart part : waiting) {
          globals.add(
              parallel.fork(
                  () -> {
                    first.forEach(Parallel::join);
                    return report(runPart(part, globalContext, mode));
                  }));
        }
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
        results.addAll(
            regions(
                identity,
                List.copyOf(byRegion.keySet()),
                chosen,
                r -> byRegion.get(r),
                mode,
                parallel,
                true));
      }
      for (ReadPart part : afterRegions) {
        globals.add(parallel.fork(() -> report(runPart(part, globalContext, mode))));
      }
      globals.forEach(g -> results.add(Parallel.join(g)));
      if (secondPassDelay != null) {
        secondPass(identity, selection.regions(), all, mode, parallel, results);
      }
    }
    List<String> partNames = parts.stream().map(ReadPart::name).toList();
    results.sort(
        Comparator.comparing((PartResult r) -> r.region().equals(Part.GLOBAL))
            .thenComparing(PartResult::region)
            .thenComparing(r -> partNames.indexOf(r.part())));
    return new RunResult(identity, selection, results, warnings, mode.write());
  }

  /**
   * Runs the retryable failures of {@code results} once more (replacing them there) unless the run
   * was stopped. A part that wrote under a gate is not retried: the plan that was approved no
   * longer describes what exists.
   */
  private void secondPass(
      Identity identity,
      List<String> runRegions,
      List<ReadPart> parts,
      Mode mode,
      Parallel parallel,
      List<PartResult> results) {
    List<PartResult> retry =
        results.stream()
            .filter(r -> r.failed() && r.error().map(Failure::retryable).orElse(false))
            .filter(r -> !(mode.gated() && r.writes() > 0))
            .toList();
    if (retry.isEmpty() || mode.cancellation().requested()) {
      return;
    }
    Duration delay = secondPassDelay.get();
    synchronized (progress) {
      progress.retrying(retry, delay);
    }
    if (mode.cancellation().await(delay)) {
      return;
    }
    Map<String, ReadPart> byName = new java.util.LinkedHashMap<>();
    parts.forEach(p -> byName.put(p.name(), p));
    Map<String, List<ReadPart>> regional = new java.util.TreeMap<>();
    List<CompletableFuture<PartResult>> globals = new ArrayList<>();
    for (PartResult first : retry) {
      ReadPart part = byName.get(first.part());
      if (part.global()) {
        globals.add(
            parallel.fork(
                () ->
                    runPart(
                        part,
                        new PartContext(
                            Part.GLOBAL,
                            ports,
                            identity,
                            parallel,
                            runRegions,
                            mode.cancellation()),
                        mode)));
      } else {
        regional.computeIfAbsent(first.region(), r -> new ArrayList<>()).add(part);
      }
    }
    List<PartResult> second = new ArrayList<>();
    if (!regional.isEmpty()) {
      second.addAll(
          regions(
              identity,
              List.copyOf(regional.keySet()),
              runRegions,
              regional::get,
              mode,
              parallel,
              false));
    }
    globals.forEach(g -> second.add(Parallel.join(g)));
    for (PartResult again : second) {
      for (int i = 0; i < results.size(); i++) {
        PartResult first = results.get(i);
        if (first.part().equals(again.part()) && first.region().equals(again.region())) {
          results.set(i, report(SecondPass.merge(first, again)));
        }
      }
    }
  }

  /**
   * Every region a regional part runs in (the chosen ones first, then those a part adds), each with
   * its parts in the run's order.
   */
  private static Map<String, List<ReadPart>> byRegion(List<ReadPart> parts, List<String> chosen) {
    Map<String, List<ReadPart>> byRegion = new java.util.LinkedHashMap<>();
    chosen.forEach(r -> byRegion.put(r, new ArrayList<>()));
    for (ReadPart part : parts) {
      part.regions(chosen)
          .forEach(r -> byRegion.computeIfAbsent(r, k -> new ArrayList<>()).add(part));
    }
    byRegion.values().removeIf(List::isEmpty);
    return byRegion;
  }

  private List<PartResult> regions(
      Identity identity,
      List<String> regions,
      List<String> runRegions,
      java.util.function.Function<String, List<ReadPart>> partsIn,
      Mode mode,
      Parallel parallel,
      boolean reportEach) {
    if (regions.isEmpty()) {
      return List.of();
    }
    Map<String, Long> outstanding = new ConcurrentHashMap<>();
    // Queued regions sort after started ones: the slowest is the one that started first.
    regions.forEach(r -> outstanding.put(r, Long.MAX_VALUE));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(concurrency, regions.size()), Parallel.daemon("irctl-region"));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(Parallel.daemon("irctl-tick"));
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
                    if (mode.cancellation().requested()) {
                      List<PartResult> skipped = notStarted(region, partsIn.apply(region));
                      return reportEach ? skipped.stream().map(this::report).toList() : skipped;
                    }
                    return inRegion(
                        region,
                        identity,
                        partsIn.apply(region),
                        mode,
                        parallel,
                        reportEach,
                        runRegions);
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

  /**
   * A region's parts: those that wait for nothing at once, then those that wait for them ({@link
   * Part#after}), at once.
   */
  private List<PartResult> inRegion(
      String region,
      Identity identity,
      List<ReadPart> parts,
      Mode mode,
      Parallel parallel,
      boolean reportEach,
      List<String> regions) {
    PartContext context =
        new PartContext(region, ports, identity, parallel, regions, mode.cancellation());
    java.util.function.UnaryOperator<PartResult> done = reportEach ? this::report : r -> r;
    if (parts.size() == 1) {
      return List.of(done.apply(runPart(parts.get(0), context, mode)));
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    parts.forEach(p -> names.add(p.name()));
    List<ReadPart> first =
        parts.stream().filter(p -> p.after().stream().noneMatch(names::contains)).toList();
    List<ReadPart> then = parts.stream().filter(p -> !first.contains(p)).toList();
    List<PartResult> results = new ArrayList<>(wave(first, context, mode, parallel, done));
    results.addAll(wave(then, context, mode, parallel, done));
    return results;
  }

  private List<PartResult> wave(
      List<ReadPart> parts,
      PartContext context,
      Mode mode,
      Parallel parallel,
      java.util.function.UnaryOperator<PartResult> done) {
    List<CompletableFuture<PartResult>> running = new ArrayList<>();
    parts.forEach(p -> running.add(parallel.fork(() -> done.apply(runPart(p, context, mode)))));
    return running.stream().map(Parallel::join).toList();
  }

  /** A region the run was stopped before: nothing read, nothing written. */
  private List<PartResult> notStarted(String region, List<ReadPart> parts) {
    return parts.stream()
        .map(
            p ->
                PartResult.failed(
                    p.name(),
                    region,
                    new Failure(Failure.Kind.INTERRUPTED, Cancellation.NOT_STARTED)))
        .toList();
  }

  /**
   * One part in one region: plan, then (when the mode writes, the part is one that writes, and the
   * gate allows) apply. A read-only part's changes stay pending: it has no apply to call.
   */
  static PartResult runPart(ReadPart part, PartContext context, Mode mode) {
    String name = part.name();
    String region = context.region();
    PartPlan plan;
    try {
      plan = part.plan(context);
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
          Fingerprint.Later.NONE);
    }
    // Only a saved plan, a gate or JSON output asks for it (SavedPlan.of, Gate, RunRenderer).
    Fingerprint.Later print = Fingerprint.Later.of(plan.actual());
    if (plan.inSync()) {
      return result(name, region, PartStatus.IN_SYNC, plan, 0, null, print);
    }
    if (!mode.write() || !(part instanceof Part writer)) {
      return result(name, region, PartStatus.PENDING, plan, 0, null, print);
    }
    if (mode.cancellation().requested()) {
      return result(
          name,
          region,
          PartStatus.FAILED,
          plan,
          0,
          new Failure(Failure.Kind.INTERRUPTED, Cancellation.NOT_STARTED),
          print);
    }
    java.util.Optional<Failure> held;
    try {
      held =
          mode.gated()
              ? mode.gate().check(name, region, plan, print.get().orElseThrow())
              : java.util.Optional.empty();
    } catch (RuntimeException e) {
      return PartResult.failed(name, region, Failure.of(e));
    }
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
          name, region, PartStatus.FAILED, done, applied.writes(), failure(applied, mode), print);
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

  /** Why an apply with failures failed: stopped part-way, or some writes failed. */
  private static Failure failure(Applied applied, Mode mode) {
    List<String> notStarted =
        applied.failures().stream().filter(f -> f.endsWith(Cancellation.NOT_STARTED)).toList();
    if (notStarted.isEmpty() || !mode.cancellation().requested()) {
      return new Failure(Failure.Kind.PARTIAL_APPLY, applied.summary(), applied.retryable());
    }
    List<String> failed =
        applied.failures().stream().filter(f -> !f.endsWith(Cancellation.NOT_STARTED)).toList();
    return new Failure(
        Failure.Kind.INTERRUPTED,
        "interrupted after "
            + applied.writes()
            + " write calls: "
            + notStarted.size()
            + " change(s) not started"
            + (failed.isEmpty() ? "" : "; " + Applied.of(0, failed).summary()));
  }

  private static PartResult result(
      String name,
      String region,
      PartStatus status,
      PartPlan plan,
      int writes,
      Failure failure,
      Fingerprint.Later fingerprint) {
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
