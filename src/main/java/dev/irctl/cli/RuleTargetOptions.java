package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.RuleScopes;
import dev.irctl.engine.rules.TopicSpec;
import dev.irctl.engine.run.Part;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --topic-name}, shared by every command that deploys, compares, checks or removes the
 * rules, and checked offline; the hub's checks ({@link RuleHubOption} holds the flag). {@code
 * --event-bus} is gone and refused with why.
 */
public final class RuleTargetOptions {
  static final String EVENT_BUS_REMOVED =
      "--event-bus (rules.eventBus in irctl.yaml) was removed: AWS delivers its service events,"
          + " CloudTrail ones included, only to the account's default event bus, so irctl's rules on"
          + " another bus would never fire. irctl's rules always go on the default bus; leave"
          + " --event-bus out (to gather alerts in one region, use --hub-region).";

  @Option(names = "--event-bus", paramLabel = "NAME", hidden = true)
  String bus;

  @Option(
      names = "--topic-name",
      paramLabel = "NAME",
      defaultValue = TopicSpec.DEFAULT_NAME,
      description = "SNS topic name in each region (default: ${DEFAULT-VALUE}).")
  String topicName = TopicSpec.DEFAULT_NAME;

  /** Always the default bus; a --event-bus is a usage error saying why. */
  public String bus() {
    if (bus != null) {
      throw UserException.usage(EVENT_BUS_REMOVED);
    }
    return ApplyRulesRequest.DEFAULT_BUS;
  }

  /**
   * Before a rules run: the hub checked against the selection, and the global rules the selection
   * leaves out, as warnings.
   */
  static List<String> selectionWarnings(ApplyRulesRequest request, RegionSelection selection) {
    requireHubSelected(request.hubRegion(), selection.regions());
    return RuleScopes.skippedGlobalRules(request.rules(), selection.regions()).stream().toList();
  }

  /** The hub must be one of the regions the run covers, or nothing would alert. */
  static void requireHubSelected(Optional<String> hub, List<String> regions) {
    if (hub.isPresent() && !regions.contains(hub.get())) {
      throw UserException.usage(
          "--hub-region "
              + hub.get()
              + " is not among the selected regions ("
              + String.join(", ", regions)
              + "): the hub carries every rule and the topic. Add --region "
              + hub.get()
              + " or choose a selected region; nothing was changed.");
    }
  }

  /**
   * The forwarder role part, when forwarders may be deployed: with a hub, or with sign-in rules
   * carried to regions that were not chosen.
   */
  static List<Part> hubParts(dev.irctl.engine.rules.ApplyRulesRequest request) {
    return dev.irctl.engine.hub.ForwarderRolePart.of(request)
        .<List<Part>>map(List::of)
        .orElse(List.of());
  }

  public String topicName() {
    if (!topicName.matches("[A-Za-z0-9_-]{1,256}")) {
      throw UserException.usage(
          "--topic-name '"
              + topicName
              + "' is not a standard SNS topic name (1-256 letters, digits, - and _; FIFO topics are not supported).");
    }
    return topicName;
  }
}
