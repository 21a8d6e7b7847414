package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.run.Failure;
import dev.irctl.engine.run.IdentityFailure;
import dev.irctl.engine.run.Mode;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.engine.run.Progress;
import dev.irctl.engine.run.ReadPart;
import dev.irctl.engine.run.RunResult;
import dev.irctl.engine.run.Runner;
import dev.irctl.engine.run.SavedPlan;
import dev.irctl.render.RunRenderer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every command that plans or applies does, in one place: the approval check before any call,
 * credentials, identity once, regions, the run, the question on a terminal, rendering and the exit
 * code. A command fills a {@link Request} and calls {@link #execute}.
 */
final class RunFlow {
  enum Kind {
    /** plan: never writes, never asks. */
    PLAN,
    /** --dry-run of a writing command: the plan on stdout, never asks. */
    DRY_RUN,
    /** Writes: asks on a terminal unless --auto-approve. */
    WRITE
  }

  /** One command's run. */
  record Request(
      String command,
      List<Part> parts,
      Kind kind,
      boolean autoApprove,
      boolean detailedExitCode,
      Function<RegionSelection, List<String>> warnings,
      OutputFileOption outputFile,
      Consumer<RunResult> planned,
      java.util.Optional<SavedPlan> saved) {
    /**
     * A single-part writing command (enable-guardduty, apply-rules, remove-rules, install-policy).
     */
    static Request of(
        String command,
        Part part,
        DryRunOption dryRun,
        ApproveOption approve,
        Function<RegionSelection, List<String>> warnings) {
      return write(command, List.of(part), dryRun, approve, warnings, null);
    }

    /** A writing command with --dry-run: its parts planned fresh, no saved plan. */
    static Request write(
        String command,
        List<Part> parts,
        DryRunOption dryRun,
        ApproveOption approve,
        Function<RegionSelection, List<String>> warnings,
        OutputFileOption outputFile) {
      return new Request(
          command,
          parts,
          dryRun.kind(),
          approve.autoApprove(),
          false,
          warnings,
          outputFile,
          result -> {},
          java.util.Optional.empty());
    }

    /**
     * apply and org apply: they always write, the parts planned fresh or those of a saved plan; a
     * saved plan's warnings were shown when it was made, so they are not shown again.
     */
    static Request apply(
        String command,
        List<Part> parts,
        ApproveOption approve,
        Function<RegionSelection, List<String>> warnings,
        OutputFileOption outputFile,
        java.util.Optional<SavedPlan> saved) {
      return new Request(
          command,
          parts,
          Kind.WRITE,
          approve.autoApprove(),
          false,
          selection -> saved.isPresent() ? List.of() : warnings.apply(selection),
          outputFile,
          result -> {},
          saved);
    }

    /** plan and org plan: never write; {@code planned} saves the plan where --out asks. */
    static Request plan(
        String command,
        List<Part> parts,
        boolean detailedExitCode,
        Function<RegionSelection, List<String>> warnings,
        OutputFileOption outputFile,
        Consumer<RunResult> planned) {
      return new Request(
          command,
          parts,
          Kind.PLAN,
          false,
          detailedExitCode,
          warnings,
          outputFile,
          planned,
          java.util.Optional.empty());
    }
  }

  private final CommandContext context;
  private final AwsOptions aws;
  private final OutputOptions output;

  private Preflight preflight = Preflight.NONE;

  /** Runs {@code check} after identity, before the regions and any write; it throws to stop. */
  RunFlow preflight(Preflight check) {
    this.preflight = check;
    return this;
  }

  RunFlow(CommandContext context, AwsOptions aws, OutputOptions output) {
    this.context = context;
    this.aws = aws;
    this.output = output;
  }

  /** Before any call: a command that would write needs a person to ask or --auto-approve. */
  void requireApproval(String command, Kind kind, boolean autoApprove) {
    if (kind == Kind.WRITE && !autoApprove && !context.root().terminal().interactive()) {
      throw UserException.usage(
          command
              + " writes to AWS and there is no terminal to ask for approval: add "
              + ApproveOption.FLAG
              + " to write without asking (or run 'irctl plan' or --dry-run to only look).");
    }
  }

  /**
   * A check right after sts:GetCallerIdentity and before any other call (org commands: is this the
   * account the step must run in?). Throws a {@link UserException} to stop the run.
   */
  @FunctionalInterface
  interface Preflight {
    Preflight NONE = (ports, identity) -> {};

    void check(Ports ports, Identity identity);
  }

  int execute(Request request) {
    return execute(request, preflight);
  }

  int execute(Request request, Preflight preflight) {
    requireApproval(request.command(), request.kind(), request.autoApprove());
    return interruption().guard(context::progress, () -> executeGuarded(request, preflight));
  }

  private Interruption interruption() {
    return context.root().interruption();
  }

  private int executeGuarded(Request request, Preflight preflight) {
    RunRenderer renderer =
        new RunRenderer(request.command(), context.style(output), RunFlow::hint, Flags::of);
    boolean regional = request.parts().stream().anyMatch(p -> !p.global());
    try (Ports ports = context.openPorts(aws)) {
      if (regional && request.saved().isEmpty()) {
        context.checkRegionNames(ports, (RegionalAwsOptions) aws);
      }
      context.checkCredentials(ports);
      Runner runner = runner(ports, renderer);
      Supplier<RegionSelection> regions =
          regional && request.saved().isEmpty()
              ? regions(ports, preflight)
              : () -> new RegionSelection(List.of(), List.of(), Map.of(), List.of());
      Identity identity = identify(runner);
      request.saved().ifPresent(saved -> checkAccount(saved, identity));
      preflight.check(ports, identity);
      RegionSelection selection =
          request.saved().isPresent()
              ? new RegionSelection(request.saved().get().regions(), List.of(), Map.of(), List.of())
              : regions.get();
      context.warn(selection);
      List<String> warnings =
          request.warnings().apply(selection).stream().map(Flags::word).toList();
      warnings.forEach(w -> context.progress("warning: " + w));
      RunResult result = run(request, runner, identity, selection, warnings, renderer);
      if (result == null) {
        return ExitCode.FAILURE;
      }
      // JSON only when asked for: it carries the fingerprints, which nothing else here needs.
      boolean toFile = request.outputFile() != null && request.outputFile().given();
      String json = output.json() || toFile ? renderer.json(result) : null;
      context.print(output.json() ? json : renderer.text(result));
      if (toFile) {
        request.outputFile().write(json);
      }
      if (interruption().interrupted()) {
        context.progress(interruptedLine(result));
        return interruption().exitCode();
      }
      return exitCode(result, request.detailedExitCode());
    }
  }

  /**
   * A read-only run (status): the same checks, identity once and progress as {@link #execute}, the
   * parts planned and never applied; the caller renders.
   */
  RunResult read(String command, List<? extends ReadPart> parts) {
    return read(command, parts, preflight);
  }

  /** {@link #read(String, List)} with a check right after the identity call. */
  RunResult read(String command, List<? extends ReadPart> parts, Preflight preflight) {
    RunRenderer renderer =
        new RunRenderer(command, context.style(output), RunFlow::hint, Flags::of);
    try (Ports ports = context.openPorts(aws)) {
      context.checkRegionNames(ports, (RegionalAwsOptions) aws);
      context.checkCredentials(ports);
      Runner runner = runner(ports, renderer);
      Supplier<RegionSelection> regions = regions(ports, preflight);
      Identity identity = identify(runner);
      preflight.check(ports, identity);
      RegionSelection selection = regions.get();
      context.warn(selection);
      return runner.run(identity, selection, parts, Mode.PLAN, List.of());
    }
  }

  /**
   * The regions to act in. DescribeRegions does not need the caller's identity, so it starts now
   * and runs alongside sts:GetCallerIdentity (one call less in every run's chain), unless a check
   * must pass between the two: a preflight promises that nothing but identity is called before it.
   * An identity failure still stops the run and is what the user is told; the region listing is
   * then left unread.
   */
  private Supplier<RegionSelection> regions(Ports ports, Preflight preflight) {
    Supplier<RegionSelection> resolve =
        () -> context.resolveRegions(ports, (RegionalAwsOptions) aws);
    if (preflight != Preflight.NONE) {
      return resolve;
    }
    CompletableFuture<RegionSelection> early =
        CompletableFuture.supplyAsync(
            resolve,
            task -> {
              Thread thread = new Thread(task, "irctl-regions");
              thread.setDaemon(true);
              thread.start();
            });
    return () -> Parallel.join(early);
  }

  private Runner runner(Ports ports, RunRenderer renderer) {
    return new Runner(ports, aws.concurrency(), progress(renderer), context.root().tick())
        .secondPass(context.root().secondPassDelay());
  }

  /**
   * After a stopped run's summary: what was left, in one line. Parts that did not finish are the
   * ones the stop kept from starting or cut short.
   */
  static String interruptedLine(RunResult result) {
    List<PartResult> left =
        result.results().stream()
            .filter(r -> r.error().map(e -> e.kind() == Failure.Kind.INTERRUPTED).orElse(false))
            .toList();
    List<String> regions = left.stream().map(PartResult::region).distinct().sorted().toList();
    String where =
        left.isEmpty()
            ? "every part had finished"
            : left.size()
                + (left.size() == 1 ? " part" : " parts")
                + " left unfinished ("
                + regions.size()
                + (regions.size() == 1 ? " region: " : " regions: ")
                + String.join(", ", regions.subList(0, Math.min(5, regions.size())))
                + (regions.size() > 5 ? ", ..." : "")
                + ")";
    return "Interrupted after "
        + result.writes()
        + " write calls: "
        + where
        + ". Re-run to converge.";
  }

  private RunResult run(
      Request request,
      Runner runner,
      Identity identity,
      RegionSelection selection,
      List<String> warnings,
      RunRenderer renderer) {
    List<Part> parts = request.parts();
    if (request.kind() != Kind.WRITE) {
      RunResult plan = runner.run(identity, selection, parts, stoppable(Mode.PLAN), warnings);
      request.planned().accept(plan);
      return plan;
    }
    if (request.saved().isPresent()) {
      SavedPlan saved = request.saved().get();
      if (!request.autoApprove() && !interruption().asking(() -> confirmSaved(saved))) {
        return null;
      }
      return runner.run(
          identity, selection, parts, stoppable(Mode.applying(saved.gate())), warnings);
    }
    if (request.autoApprove()) {
      return runner.run(identity, selection, parts, stoppable(Mode.APPLY), warnings);
    }
    RunResult plan = runner.run(identity, selection, parts, stoppable(Mode.PLAN), warnings);
    if (plan.changeCount() == 0 || interruption().interrupted()) {
      return plan;
    }
    context.print(renderer.text(plan));
    if (!interruption()
        .asking(
            () ->
                confirm(
                    plan.count(ChangeAction.CREATE),
                    plan.count(ChangeAction.UPDATE),
                    plan.count(ChangeAction.DELETE)))) {
      return null;
    }
    SavedPlan shown = SavedPlan.of(plan, parts, "", "", "", r -> null);
    return runner.run(identity, selection, parts, stoppable(Mode.applying(shown.gate())), warnings);
  }

  /** {@code mode}, stopped by Ctrl-C or SIGTERM. */
  private Mode stoppable(Mode mode) {
    return mode.stoppedBy(interruption().cancellation());
  }

  private boolean confirmSaved(SavedPlan saved) {
    Map<String, Integer> counts = saved.changeCounts();
    long add = counts.getOrDefault("create", 0);
    long change = counts.getOrDefault("update", 0);
    long destroy = counts.getOrDefault("delete", 0);
    if (add + change + destroy == 0) {
      return true;
    }
    return confirm(add, change, destroy);
  }

  /** Asks on the terminal; only "yes" goes on. */
  private boolean confirm(long add, long change, long destroy) {
    long n = add + change + destroy;
    String answer =
        context
            .root()
            .terminal()
            .ask(
                "Apply "
                    + n
                    + (n == 1 ? " change" : " changes")
                    + " ("
                    + add
                    + " to add, "
                    + change
                    + " to change, "
                    + destroy
                    + " to destroy)? Only 'yes' is accepted: ");
    if ("yes".equals(answer == null ? null : answer.trim())) {
      return true;
    }
    context.progress("Apply cancelled: nothing was changed.");
    return false;
  }

  private static void checkAccount(SavedPlan saved, Identity identity) {
    if (!saved.account().accountId().equals(identity.accountId())
        || !saved.account().partition().equals(identity.partition())) {
      throw UserException.usage(
          "the plan was made for account "
              + saved.account().accountId()
              + " (partition "
              + saved.account().partition()
              + ") but these credentials are for account "
              + identity.accountId()
              + " (partition "
              + identity.partition()
              + "); nothing was changed. Use the credentials the plan was made with, or run plan again.");
    }
  }

  private static Identity identify(Runner runner) {
    try {
      return runner.identify();
    } catch (IdentityFailure e) {
      String why =
          e.unreachable()
              ? "Could not reach AWS to identify the account (sts:GetCallerIdentity): "
                  + e.getMessage()
                  + ". Check the network, --endpoint-url and the region; nothing was changed."
              : "Could not identify the account (sts:GetCallerIdentity): "
                  + e.getMessage()
                  + "; nothing was changed.";
      throw new UserException(why, ExitCode.FAILURE, e);
    }
  }

  /**
   * One flow's progress. The who/where line is said once per flow: an interactive write runs the
   * parts twice (the plan shown for the question, then the apply), and the second run must not say
   * it again.
   */
  private Progress progress(RunRenderer renderer) {
    AtomicBoolean said = new AtomicBoolean();
    return new Progress() {
      @Override
      public void started(Identity identity, int regions, boolean writes) {
        if (said.compareAndSet(false, true)) {
          context.progress(RunRenderer.identityLine(identity, regions));
        }
      }

      @Override
      public void finished(PartResult result) {
        context.progress(renderer.progressLine(result));
      }

      @Override
      public void waiting(int regions, String slowest) {
        context.progress(RunRenderer.waitingLine(regions, slowest));
      }

      @Override
      public void retrying(List<PartResult> failed, java.time.Duration delay) {
        context.progress(RunRenderer.retryingLine(failed, delay));
      }
    };
  }

  /** What the CLI adds to a result's message: how to fix it, in flags. */
  static String hint(PartResult result) {
    if (result.status() == PartStatus.SKIPPED && result.part().equals("iam")) {
      return " (--role, --group, --user or iam.roles, iam.groups, iam.users in irctl.yaml)";
    }
    if (result.error().map(e -> e.kind() == Failure.Kind.CONFLICT).orElse(false)
        && result.error().get().message().contains("quota")) {
      return " (select fewer with --rule, --exclude or --category)";
    }
    return "";
  }

  /** 0 ok, 1 every part failed, 3 some did; with --detailed-exitcode 2 when changes are pending. */
  static int exitCode(RunResult result, boolean detailed) {
    long failed = result.failed();
    if (failed > 0) {
      return failed == result.ran() ? ExitCode.FAILURE : ExitCode.PARTIAL_FAILURE;
    }
    return detailed && !result.wrote() && result.changeCount() > 0
        ? ExitCode.CHANGES_PENDING
        : ExitCode.OK;
  }
}
