package dev.irctl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.alertpath.AlertPathPart;
import dev.irctl.engine.guardduty.GuardDutyPart;
import dev.irctl.engine.hub.ForwarderRolePart;
import dev.irctl.engine.iam.PolicyPart;
import dev.irctl.engine.org.DelegateAdminPart;
import dev.irctl.engine.org.TrustedAccessPart;
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
      case AlertPathPart.NAME -> Optional.of(AlertPathPart.fromDesired(desired));
      case PolicyPart.NAME -> Optional.of(PolicyPart.fromDesired(desired));
      case TrustedAccessPart.NAME -> Optional.of(TrustedAccessPart.fromDesired(desired));
      case DelegateAdminPart.NAME -> Optional.of(DelegateAdminPart.fromDesired(desired));
      case dev.irctl.engine.org.OrgMembersPart.NAME ->
          Optional.of(dev.irctl.engine.org.OrgMembersPart.fromDesired(desired));
      case dev.irctl.engine.org.StackSetPart.NAME ->
          Optional.of(dev.irctl.engine.org.StackSetPart.fromDesired(desired));
      case dev.irctl.engine.org.HubBusPolicyPart.NAME ->
          Optional.of(dev.irctl.engine.org.HubBusPolicyPart.fromDesired(desired));
      case ForwarderRolePart.NAME -> Optional.of(ForwarderRolePart.fromDesired(desired));
      default -> Optional.empty();
    };
  }
}
