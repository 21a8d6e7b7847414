package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.guardduty.DesiredDetector;
import dev.irctl.engine.guardduty.DetectorFeature;
import dev.irctl.engine.guardduty.DetectorRegionResult;
import dev.irctl.engine.guardduty.EnableGuardDuty;
import dev.irctl.engine.guardduty.FindingFrequency;
import dev.irctl.engine.guardduty.ListKind;
import dev.irctl.engine.guardduty.ListSetSpec;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.render.DetectorResultRenderer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "enable-guardduty",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Enable a GuardDuty detector in every chosen region.",
      "",
      "Creates a detector where there is none, enables a disabled one, and sets the finding frequency and the",
      "features you name. A detector someone else created is adopted, never replaced; features you do not",
      "name are left as they are."
    },
    footer = {
      "",
      "Examples:",
      "  irctl enable-guardduty --all-regions",
      "  irctl enable-guardduty --region us-east-1,eu-west-1 --feature RDS_LOGIN_EVENTS --dry-run",
      "  irctl enable-guardduty --all-regions --threat-intel-set bad-ips=s3://sec-lists/bad.txt,format=TXT",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error, 3 some regions failed."
    })
public final class EnableGuardDutyCommand implements Callable<Integer> {
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin CommandContext context;

  @Option(
      names = "--finding-frequency",
      paramLabel = "FREQ",
      defaultValue = "FIFTEEN_MINUTES",
      description = "How often updated findings are published: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FindingFrequency frequency;

  @Option(names = "--feature", paramLabel = "NAME", description = "Turn a detector feature on (repeatable): ${COMPLETION-CANDIDATES}.")
  List<DetectorFeature> enable = new ArrayList<>();

  @Option(names = "--no-feature", paramLabel = "NAME", description = "Turn a detector feature off (repeatable).")
  List<DetectorFeature> disable = new ArrayList<>();

  @Option(
      names = "--threat-intel-set",
      paramLabel = "NAME=s3://bucket/key[,format=F]",
      description = "A list of known-bad IPs to create or update and activate (repeatable; format TXT by default).")
  List<String> threatIntelSets = new ArrayList<>();

  @Option(
      names = "--trusted-ip-set",
      paramLabel = "NAME=s3://bucket/key[,format=F]",
      description = "A list of trusted IPs (GuardDuty raises no findings for them; one per region).")
  List<String> trustedIpSets = new ArrayList<>();

  @Override
  public Integer call() {
    aws.validate();
    DesiredDetector desired = desired();
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      DetectorResultRenderer renderer = new DetectorResultRenderer(context.style(output), dryRun.dryRun());
      context.warn(selection);
      List<DetectorRegionResult> results =
          new EnableGuardDuty(ports, aws.concurrency())
              .run(selection, desired, dryRun.dryRun(), result -> context.progress(renderer.progressLine(result)));
      context.print(output.json() ? renderer.json(results, selection) : renderer.summary(results));
      return context.exitCode(results.stream().filter(DetectorRegionResult::failed).count(), results.size());
    }
  }

  private DesiredDetector desired() {
    Map<DetectorFeature, Boolean> features = new EnumMap<>(DetectorFeature.class);
    enable.forEach(f -> features.put(f, true));
    for (DetectorFeature feature : disable) {
      if (Boolean.TRUE.equals(features.get(feature))) {
        throw UserException.usage("--feature " + feature + " and --no-feature " + feature + " contradict each other.");
      }
      features.put(feature, false);
    }
    List<ListSetSpec> lists = new ArrayList<>();
    threatIntelSets.forEach(t -> lists.add(ListSetOptionParser.parse(ListKind.THREAT_INTEL, t)));
    trustedIpSets.forEach(t -> lists.add(ListSetOptionParser.parse(ListKind.TRUSTED_IP, t)));
    return new DesiredDetector(frequency, features, lists);
  }
}
