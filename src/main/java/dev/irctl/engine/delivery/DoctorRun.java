package dev.irctl.engine.delivery;

import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRulesRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The doctor over a region selection, as doctor and status's delivery column run it: the account is
 * identified once (the topic's ARN needs it); regions the selection could not use, or all of them
 * when the account cannot be identified, are errors of their own.
 */
public final class DoctorRun {
  private DoctorRun() {}

  /**
   * {@code identified} hears who is calling once the account is known, before any region is read
   * (the CLI says it on stderr).
   */
  public static DoctorResult run(
      Ports ports,
      Clock clock,
      RegionSelection selection,
      ApplyRulesRequest request,
      java.util.function.Consumer<Identity> identified) {
    List<RegionDiagnosis> regions = new ArrayList<>();
    selection
        .unusable()
        .forEach(
            (region, why) -> regions.add(new RegionDiagnosis(region, List.of(), Optional.of(why))));
    Identity identity;
    try {
      identity = ports.account().identity();
    } catch (AwsCallException e) {
      String why = "could not identify the account (sts:GetCallerIdentity): " + e.getMessage();
      selection
          .regions()
          .forEach(r -> regions.add(new RegionDiagnosis(r, List.of(), Optional.of(why))));
      return sorted(regions, Optional.empty());
    }
    identified.accept(identity);
    List<DoctorTarget> targets =
        selection.regions().stream().map(r -> DoctorTargets.of(request, identity, r)).toList();
    regions.addAll(new Doctor(ports, clock).diagnose(targets).regions());
    return sorted(regions, Optional.of(identity));
  }

  private static DoctorResult sorted(List<RegionDiagnosis> regions, Optional<Identity> identity) {
    regions.sort(Comparator.comparing(RegionDiagnosis::region));
    return new DoctorResult(regions, identity);
  }
}
