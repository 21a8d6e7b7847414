package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.IrctlScopes;
import dev.irctl.engine.port.SampleFindingsPort;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/** {@link SampleFindingsPort} over the SDK's GuardDuty client for one region. */
final class SampleFindingsAdapter implements SampleFindingsPort {
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("guardduty:ListDetectors"),
          AwsAction.write("guardduty:CreateSampleFindings").scopedTo(IrctlScopes.DETECTORS));

  private final GuardDutyClient client;

  SampleFindingsAdapter(GuardDutyClient client) {
    this.client = client;
  }

  @Override
  public Optional<String> detectorId() {
    return AwsCalls.call(
        "guardduty:ListDetectors",
        () -> client.listDetectorsPaginator(b -> {}).detectorIds().stream().findFirst());
  }

  @Override
  public void createSampleFindings(String detectorId, List<String> findingTypes) {
    AwsCalls.run(
        "guardduty:CreateSampleFindings",
        () ->
            client.createSampleFindings(b -> b.detectorId(detectorId).findingTypes(findingTypes)));
  }
}
