package dev.irctl.engine.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.ManagedPolicy;
import dev.irctl.engine.port.PolicyVersion;
import java.util.List;

/**
 * The policy as it exists: what GetPolicy says, its default version's document, and all its
 * versions.
 */
public record ActualPolicy(
    ManagedPolicy policy, JsonNode defaultDocument, List<PolicyVersion> versions) {
  public ActualPolicy {
    versions = List.copyOf(versions);
  }
}
