package dev.irctl.aws;

import dev.irctl.engine.iam.GuardDutyServiceLinkedRole;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.IrctlScopes;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.DetectorFeature;
import dev.irctl.engine.port.DetectorUpdate;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.GuardDutyPort;
import dev.irctl.engine.port.ListFormat;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSet;
import dev.irctl.engine.port.ListSetSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.DetectorFeatureConfiguration;
import software.amazon.awssdk.services.guardduty.model.DetectorFeatureConfigurationResult;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;
import software.amazon.awssdk.services.guardduty.model.FeatureStatus;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;
import software.amazon.awssdk.services.guardduty.model.GetIpSetResponse;
import software.amazon.awssdk.services.guardduty.model.GetThreatIntelSetResponse;
import software.amazon.awssdk.services.guardduty.model.UpdateDetectorRequest;

/** {@link GuardDutyPort} over the SDK's GuardDuty client for one region. */
final class GuardDutyAdapter implements GuardDutyPort {
  /**
   * The IAM actions this adapter calls; print-policy and the wire tests check against this list.
   */
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("guardduty:ListDetectors"),
          AwsAction.read("guardduty:GetDetector"),
          AwsAction.write("guardduty:CreateDetector"),
          AwsAction.write("guardduty:UpdateDetector").scopedTo(IrctlScopes.DETECTORS),
          // Creating a detector or list with tags is also authorised as TagResource.
          AwsAction.write("guardduty:TagResource").scopedTo(IrctlScopes.DETECTORS),
          AwsAction.read("guardduty:ListThreatIntelSets"),
          AwsAction.read("guardduty:GetThreatIntelSet"),
          AwsAction.write("guardduty:CreateThreatIntelSet"),
          AwsAction.write("guardduty:UpdateThreatIntelSet").scopedTo(IrctlScopes.DETECTORS),
          AwsAction.read("guardduty:ListIPSets"),
          AwsAction.read("guardduty:GetIPSet"),
          AwsAction.write("guardduty:CreateIPSet"),
          AwsAction.write("guardduty:UpdateIPSet").scopedTo(IrctlScopes.DETECTORS),
          // CreateDetector has GuardDuty create its service-linked role: granted on that role only.
          AwsAction.write("iam:CreateServiceLinkedRole").scopedTo(GuardDutyServiceLinkedRole.SCOPE),
          AwsAction.write("iam:PutRolePolicy").scopedTo(GuardDutyServiceLinkedRole.LISTS_SCOPE),
          AwsAction.write("iam:DeleteRolePolicy").scopedTo(GuardDutyServiceLinkedRole.LISTS_SCOPE));

  private final GuardDutyClient client;

  GuardDutyAdapter(GuardDutyClient client) {
    this.client = client;
  }

  @Override
  public Optional<Detector> findDetector() {
    List<String> ids =
        AwsCalls.list(
            "guardduty:ListDetectors",
            () -> client.listDetectorsPaginator(b -> {}).detectorIds(),
            detectorId -> detectorId);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    String id = ids.get(0);
    GetDetectorResponse detector =
        AwsCalls.call("guardduty:GetDetector", () -> client.getDetector(b -> b.detectorId(id)));
    Map<String, Boolean> features = new HashMap<>();
    for (DetectorFeatureConfigurationResult feature : detector.features()) {
      features.put(feature.nameAsString(), feature.status() == FeatureStatus.ENABLED);
    }
    return Optional.of(
        new Detector(
            id,
            detector.status() == DetectorStatus.ENABLED,
            frequency(detector.findingPublishingFrequencyAsString()),
            features,
            detector.tags()));
  }

  @Override
  public String createDetector(
      FindingFrequency frequency,
      Map<DetectorFeature, Boolean> features,
      Map<String, String> tags) {
    return AwsCalls.call(
            "guardduty:CreateDetector",
            () ->
                client.createDetector(
                    b -> {
                      b.enable(true).findingPublishingFrequency(frequency.name()).tags(tags);
                      if (!features.isEmpty()) {
                        b.features(featureConfigurations(features));
                      }
                    }))
        .detectorId();
  }

  @Override
  public void updateDetector(String detectorId, DetectorUpdate update) {
    UpdateDetectorRequest.Builder request = UpdateDetectorRequest.builder().detectorId(detectorId);
    if (update.enable()) {
      request.enable(true);
    }
    update.frequency().ifPresent(f -> request.findingPublishingFrequency(f.name()));
    if (!update.features().isEmpty()) {
      request.features(featureConfigurations(update.features()));
    }
    AwsCalls.run("guardduty:UpdateDetector", () -> client.updateDetector(request.build()));
  }

  @Override
  public List<ListSet> listSets(String detectorId, ListKind kind) {
    if (kind == ListKind.THREAT_INTEL) {
      return sets(
          kind,
          AwsCalls.list(
              "guardduty:ListThreatIntelSets",
              () ->
                  client
                      .listThreatIntelSetsPaginator(b -> b.detectorId(detectorId))
                      .threatIntelSetIds(),
              setId -> setId),
          id -> {
            GetThreatIntelSetResponse set =
                AwsCalls.call(
                    "guardduty:GetThreatIntelSet",
                    () ->
                        client.getThreatIntelSet(
                            b -> b.detectorId(detectorId).threatIntelSetId(id)));
            return new SetFields(
                set.name(), set.location(), set.formatAsString(), set.statusAsString());
          });
    }
    return sets(
        kind,
        AwsCalls.list(
            "guardduty:ListIPSets",
            () -> client.listIPSetsPaginator(b -> b.detectorId(detectorId)).ipSetIds(),
            setId -> setId),
        id -> {
          GetIpSetResponse set =
              AwsCalls.call(
                  "guardduty:GetIPSet",
                  () -> client.getIPSet(b -> b.detectorId(detectorId).ipSetId(id)));
          return new SetFields(
              set.name(), set.location(), set.formatAsString(), set.statusAsString());
        });
  }

  /** What GetThreatIntelSet and GetIPSet share: two SDK types, one shape. */
  private record SetFields(String name, String location, String format, String status) {}

  /** Each listed set, read by id, in the order GuardDuty listed them. */
  private static List<ListSet> sets(
      ListKind kind, List<String> ids, Function<String, SetFields> get) {
    List<ListSet> sets = new ArrayList<>();
    for (String id : ids) {
      SetFields set = get.apply(id);
      sets.add(
          new ListSet(kind, id, set.name(), set.location(), format(set.format()), set.status()));
    }
    return sets;
  }

  @Override
  public String createSet(String detectorId, ListSetSpec spec, Map<String, String> tags) {
    if (spec.kind() == ListKind.THREAT_INTEL) {
      return AwsCalls.call(
              "guardduty:CreateThreatIntelSet",
              () ->
                  client.createThreatIntelSet(
                      b ->
                          b.detectorId(detectorId)
                              .name(spec.name())
                              .location(spec.location())
                              .format(spec.format().name())
                              .activate(true)
                              .tags(tags)))
          .threatIntelSetId();
    }
    return AwsCalls.call(
            "guardduty:CreateIPSet",
            () ->
                client.createIPSet(
                    b ->
                        b.detectorId(detectorId)
                            .name(spec.name())
                            .location(spec.location())
                            .format(spec.format().name())
                            .activate(true)
                            .tags(tags)))
        .ipSetId();
  }

  @Override
  public void updateSet(String detectorId, String setId, ListSetSpec spec) {
    if (spec.kind() == ListKind.THREAT_INTEL) {
      AwsCalls.run(
          "guardduty:UpdateThreatIntelSet",
          () ->
              client.updateThreatIntelSet(
                  b ->
                      b.detectorId(detectorId)
                          .threatIntelSetId(setId)
                          .location(spec.location())
                          .activate(true)));
    } else {
      AwsCalls.run(
          "guardduty:UpdateIPSet",
          () ->
              client.updateIPSet(
                  b ->
                      b.detectorId(detectorId)
                          .ipSetId(setId)
                          .location(spec.location())
                          .activate(true)));
    }
  }

  private static List<DetectorFeatureConfiguration> featureConfigurations(
      Map<DetectorFeature, Boolean> features) {
    List<DetectorFeatureConfiguration> configurations = new ArrayList<>();
    features.forEach(
        (feature, on) ->
            configurations.add(
                DetectorFeatureConfiguration.builder()
                    .name(feature.name())
                    .status(on ? FeatureStatus.ENABLED : FeatureStatus.DISABLED)
                    .build()));
    return configurations;
  }

  private static FindingFrequency frequency(String value) {
    try {
      return FindingFrequency.valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      // GuardDuty's own default when it reports none.
      return FindingFrequency.SIX_HOURS;
    }
  }

  private static ListFormat format(String value) {
    try {
      return ListFormat.valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      return ListFormat.TXT;
    }
  }
}
