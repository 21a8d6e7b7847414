package dev.irctl.cli;

import dev.irctl.engine.delivery.DoctorRun;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.status.AccountStatus;
import dev.irctl.engine.status.RegionStatus;
import dev.irctl.render.DoctorRenderer;
import dev.irctl.render.StatusRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show one row per region: GuardDuty, irctl's rules and the alert topic.",
      "",
      "GuardDuty: enabled, disabled or missing, frequency, features on. Rules: irctl's rules against the selected catalog rules (in sync, drifted, missing, orphaned). Topic: whether its policy lets EventBridge publish; confirmed and pending subscriptions. Delivery: ok, warn or broken from the checks of `irctl doctor` (run it for the findings and their fixes). Read-only: `print-policy --read-only` is enough. Rules are selected as in apply-rules."
    },
    footer = {
      "",
      "Exit codes: 0 read, 1 failed, 2 usage error, 3 some regions failed.",
      "",
      "Examples:",
      "  irctl status --all-regions",
      "  irctl status --output json --output-file status.json"
    })
public final class StatusCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin CommandContext context;
  @Mixin RuleOptions rules;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    ApplyRulesRequest request = rules.readOnlyRequest();
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      context.warn(selection);
      List<RegionStatus> rows =
          new AccountStatus(ports, aws.concurrency()).read(selection, request);
      StatusRenderer renderer =
          new StatusRenderer(context.style(output)).delivery(delivery(ports, selection, request));
      String json = renderer.json(rows, selection);
      context.print(output.json() ? json : renderer.text(rows));
      outputFile.write(json);
      return context.exitCode(rows.stream().filter(RegionStatus::failed).count(), rows.size());
    }
  }

  /** The delivery column: doctor's checks reduced to one word per region. */
  private static java.util.Map<String, String> delivery(
      Ports ports, RegionSelection selection, ApplyRulesRequest request) {
    java.util.Map<String, String> words = new java.util.HashMap<>();
    DoctorRun.run(ports, java.time.Clock.systemUTC(), selection, request)
        .regions()
        .forEach(r -> words.put(r.region(), DoctorRenderer.word(r.health())));
    return words;
  }
}
