package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.guardduty.DesiredDetector;
import dev.irctl.engine.port.DetectorFeature;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSetSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The GuardDuty settings a user asks for: shared by enable-guardduty, plan and apply. */
@Command
public final class GuardDutyOptions {
  @Option(
      names = "--finding-frequency",
      paramLabel = "FREQ",
      description =
          "How often updated findings are published: ${COMPLETION-CANDIDATES} (default for a detector irctl creates: FIFTEEN_MINUTES; an adopted detector keeps its own unless this is given).")
  FindingFrequency frequency;

  @Option(
      names = "--feature",
      paramLabel = "NAME",
      description = "Turn a detector feature on (repeatable): ${COMPLETION-CANDIDATES}.")
  List<DetectorFeature> enable = new ArrayList<>();

  @Option(
      names = "--no-feature",
      paramLabel = "NAME",
      description = "Turn a detector feature off (repeatable).")
  List<DetectorFeature> disable = new ArrayList<>();

  @Option(
      names = "--threat-intel-set",
      paramLabel = "NAME=s3://bucket/key[,format=F]",
      description =
          "A list of known-bad IPs to create or update and activate (repeatable; format TXT by default).")
  List<String> threatIntelSets = new ArrayList<>();

  @Option(
      names = "--trusted-ip-set",
      paramLabel = "NAME=s3://bucket/key[,format=F]",
      description =
          "A list of trusted IPs (GuardDuty raises no findings for them; one per region).")
  List<String> trustedIpSets = new ArrayList<>();

  /**
   * The desired detector, with contradictions in the flags reported as usage errors before any
   * call.
   */
  public DesiredDetector desired() {
    Map<DetectorFeature, Boolean> features = new EnumMap<>(DetectorFeature.class);
    enable.forEach(f -> features.put(f, true));
    for (DetectorFeature feature : disable) {
      if (Boolean.TRUE.equals(features.get(feature))) {
        throw UserException.usage(
            "--feature " + feature + " and --no-feature " + feature + " contradict each other.");
      }
      features.put(feature, false);
    }
    List<ListSetSpec> lists = new ArrayList<>();
    threatIntelSets.forEach(t -> lists.add(ListSetOptionParser.parse(ListKind.THREAT_INTEL, t)));
    trustedIpSets.forEach(t -> lists.add(ListSetOptionParser.parse(ListKind.TRUSTED_IP, t)));
    return DesiredDetector.of(java.util.Optional.ofNullable(frequency), features, lists);
  }
}
