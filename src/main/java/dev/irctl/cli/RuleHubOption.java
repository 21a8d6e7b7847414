package dev.irctl.cli;

import dev.irctl.UserException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --hub-region} of the commands that deploy or compare the rules (apply-rules, plan, apply,
 * status): one region carries every rule and the topic, the others forward. remove-rules, doctor
 * and drill do not take it: remove-rules removes irctl's rules and forwarders wherever they are,
 * and doctor and drill look at each region's own topic.
 */
public final class RuleHubOption {
  @Option(
      names = "--hub-region",
      paramLabel = "REGION",
      description =
          "One inbox: this region carries every rule and the one topic; every other region forwards"
              + " matched events to its default bus (forwarder rules and the role"
              + " irctl-event-forwarder). Must be one of the selected regions.")
  String hubRegion;

  public Optional<String> hubRegion() {
    if (hubRegion == null) {
      return Optional.empty();
    }
    String hub = hubRegion.trim();
    if (!hub.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw UserException.usage(
          "--hub-region '" + hubRegion + "' is not a region name (e.g. eu-west-1).");
    }
    return Optional.of(hub);
  }
}
