package dev.irctl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.guardduty.GuardDutyPart;
import dev.irctl.engine.hub.ForwarderRolePart;
import dev.irctl.engine.iam.PolicyPart;
import dev.irctl.engine.rules.RulesPart;
import dev.irctl.engine.run.Part;
import java.util.Optional;

/** The parts a saved plan may name, rebuilt from what they wanted. A new part adds a line here. */
public final class PartRegistry {
  private PartRegistry() {}

  public static Optional<Part> fromDesired(String name, JsonNode desired) {
    return switch (name) {
      case GuardDutyPart.NAME -> Optional.of(GuardDutyPart.fromDesired(desired));
      case RulesPart.NAME -> Optional.of(RulesPart.fromDesired(desired));
      case PolicyPart.NAME -> Optional.of(PolicyPart.fromDesired(desired));
      case ForwarderRolePart.NAME -> Optional.of(ForwarderRolePart.fromDesired(desired));
      default -> Optional.empty();
    };
  }
}
