package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.Rule;
import dev.irctl.engine.drill.DrillAudience;
import dev.irctl.engine.drill.DrillReport;
import dev.irctl.engine.drill.DrillRun;
import dev.irctl.engine.drill.DrillTarget;
import dev.irctl.engine.drill.RegionDrill;
import dev.irctl.engine.drill.SampleDrill;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.RegionPlanner;
import dev.irctl.render.DrillRenderer;
import dev.irctl.render.RunRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "drill",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "A fire drill: prove that a GuardDuty finding reaches the topic's subscribers.",
      "",
      "Per region: a temporary SQS queue irctl-drill-* (tagged, only the irctl topic may send) is subscribed to the topic, GuardDuty makes one HIGH sample finding, and the queue is polled until it arrives or --timeout passes. The queue and subscription are removed afterwards, also on failure and on Ctrl-C; drill queues older than an hour that a killed run left are removed too. Each deployed irctl rule's pattern is also run through EventBridge's own matcher (TestEventPattern) with the catalog's examples and compared with irctl's offline matcher.",
      "",
      "The sample finding is a real alert: every confirmed subscriber is notified. irctl names them and asks on a terminal first; --auto-approve skips the question."
    },
    footer = {
      "",
      "Exit codes: 0 every region delivered and every pattern agreed, 1 not delivered or a pattern disagreed, 2 usage error (also: no terminal and no --auto-approve), 3 some regions failed to run.",
      "",
      "Examples:",
      "  irctl drill --region eu-west-1",
      "  irctl drill --all-regions --timeout 15m --auto-approve"
    })
public final class DrillCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin CommandContext context;
  @Mixin RuleReadOptions rules;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "How long to wait for the sample in each region: 90s, 10m, 1h (default: ${DEFAULT-VALUE}). GuardDuty sends a new finding within about 5 minutes.")
  String timeout;

  @Option(
      names = "--auto-approve",
      description = "Do not ask before sending the sample finding (needed without a terminal).")
  boolean autoApprove;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    Duration wait = parseTimeout(timeout);
    IrctlCommand root = (IrctlCommand) context.spec.root().userObject();
    Confirmation confirmation = new Confirmation(root.terminal(), autoApprove);
    confirmation.checkAnswerable("drill");
    ApplyRulesRequest request = rules.readOnlyRequest();
    Catalog catalog = rules.catalog.load();
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      context.warn(selection);
      Identity identity;
      try {
        identity = ports.account().identity();
      } catch (AwsCallException e) {
        throw new UserException(
            "Could not identify the account (sts:GetCallerIdentity): " + e.getMessage(),
            ExitCode.FAILURE,
            e);
      }
      context.progress(RunRenderer.identityLine(identity, selection.regions().size()));
      List<DrillTarget> targets =
          selection.regions().stream()
              .map(
                  r ->
                      new DrillTarget(
                          r, RegionPlanner.topicArn(identity, r, request.topic().name())))
              .toList();
      context.progress(
          "this will notify: "
              + DrillAudience.notified(ports.alertPath(), targets, aws.concurrency()));
      String question = "Run the drill in " + targets.size() + " regions?";
      if (!confirmation.approved(question)) {
        context.progress("Drill cancelled: nothing was created.");
        return ExitCode.FAILURE;
      }
      List<DrillReport> reports = run(ports, root, request, catalog, targets, wait);
      selection
          .unusable()
          .forEach(
              (region, why) ->
                  reports.add(
                      new DrillReport(
                          new RegionDrill(
                              region,
                              dev.irctl.engine.drill.DeliveryStatus.FAILED,
                              java.util.Optional.empty(),
                              java.util.Optional.of(why),
                              List.of()),
                          List.of(),
                          java.util.Optional.empty())));
      reports.sort(java.util.Comparator.comparing(DrillReport::region));
      DrillRenderer renderer = new DrillRenderer(context.style(output));
      String json = renderer.json(reports, selection, identity);
      context.print(output.json() ? json : renderer.text(reports));
      outputFile.write(json);
      if (root.interruption().interrupted()) {
        context.progress("Drill interrupted: its queues and subscriptions were removed.");
        return root.interruption().exitCode();
      }
      return exitCode(reports);
    }
  }

  private List<DrillReport> run(
      Ports ports,
      IrctlCommand root,
      ApplyRulesRequest request,
      Catalog catalog,
      List<DrillTarget> targets,
      Duration wait) {
    SampleDrill drill =
        new SampleDrill(
            ports.alertPath(),
            root.drillClock(),
            () -> UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    // Ctrl-C and SIGTERM go through the one shutdown hook: abort() removes every queue and
    // subscription in flight, and the hook waits for the report.
    return root.interruption()
        .guard(
            context::progress,
            drill::abort,
            () -> runGuarded(drill, ports, request, catalog, targets, wait));
  }

  private List<DrillReport> runGuarded(
      SampleDrill drill,
      Ports ports,
      ApplyRulesRequest request,
      Catalog catalog,
      List<DrillTarget> targets,
      Duration wait) {
    ExecutorService patterns =
        Executors.newFixedThreadPool(Math.min(aws.concurrency(), targets.size() + 1));
    try {
      // The pattern checks overlap with the long polls: they need nothing from the drill.
      List<Future<DrillReport.PatternResult>> checks = new ArrayList<>();
      for (DrillTarget target : targets) {
        String region = target.region();
        checks.add(
            patterns.submit(
                () ->
                    DrillReport.checkPatterns(
                        ports.eventBridge(region),
                        region,
                        // every selected rule: one deployed where it does not belong is checked
                        request.rules(),
                        id -> catalog.find(id).map(Rule::examples))));
      }
      context.progress(
          "Drill started in "
              + targets.size()
              + " regions; waiting up to "
              + wait.toSeconds()
              + " s for the sample finding.");
      List<RegionDrill> drills = DrillRun.runAll(drill, targets, wait);
      List<DrillReport> reports = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        DrillReport.PatternResult checked = join(checks.get(i));
        reports.add(new DrillReport(drills.get(i), checked.verdicts(), checked.error()));
      }
      return reports;
    } finally {
      patterns.shutdownNow();
    }
  }

  private static DrillReport.PatternResult join(Future<DrillReport.PatternResult> check) {
    try {
      return check.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DrillReport.PatternResult(List.of(), java.util.Optional.of("interrupted"));
    } catch (java.util.concurrent.ExecutionException e) {
      return new DrillReport.PatternResult(
          List.of(), java.util.Optional.of(String.valueOf(e.getCause().getMessage())));
    }
  }

  static Duration parseTimeout(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw UserException.usage(
          "--timeout " + text + " is not a duration; use seconds, minutes or hours: 90s, 10m, 1h.");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d =
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
    if (d.isZero() || d.compareTo(Duration.ofHours(12)) > 0) {
      throw UserException.usage("--timeout must be more than 0 and at most 12h, got " + text + ".");
    }
    return d;
  }

  /** 0 all delivered and agreed; 1/3 when regions failed to run (all/some); else 1. */
  private int exitCode(List<DrillReport> reports) {
    long failed = reports.stream().filter(DrillReport::failedToRun).count();
    if (failed > 0) {
      return context.exitCode(failed, reports.size());
    }
    return reports.stream().allMatch(DrillReport::passed) ? ExitCode.OK : ExitCode.FAILURE;
  }
}
