package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.SampleFindingsPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * GuardDuty sample findings in one region. CreateSampleFindings hands the types to the fake
 * account's delivery (see {@link FakeAlertPath#deliverAfter}), which plays EventBridge and SNS.
 */
public final class FakeSampleFindings implements SampleFindingsPort {
  private final String region;
  private final CallLog log;
  private final Consumer<List<String>> delivery;
  private final List<List<String>> created = new ArrayList<>();
  private volatile Optional<String> detectorId = Optional.of("d-fake");

  FakeSampleFindings(String region, CallLog log, Consumer<List<String>> delivery) {
    this.region = region;
    this.log = log;
    this.delivery = delivery;
  }

  public FakeSampleFindings withoutDetector() {
    detectorId = Optional.empty();
    return this;
  }

  public synchronized List<List<String>> created() {
    return List.copyOf(created);
  }

  @Override
  public Optional<String> detectorId() {
    log.record(region, "guardduty:ListDetectors", false);
    return detectorId;
  }

  @Override
  public void createSampleFindings(String detectorId, List<String> findingTypes) {
    log.record(region, "guardduty:CreateSampleFindings", true);
    if (this.detectorId.filter(detectorId::equals).isEmpty()) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          "guardduty:CreateSampleFindings",
          "BadRequestException: The request is rejected because the input detectorId is not owned"
              + " by the current account.");
    }
    synchronized (this) {
      created.add(List.copyOf(findingTypes));
    }
    delivery.accept(findingTypes);
  }
}
