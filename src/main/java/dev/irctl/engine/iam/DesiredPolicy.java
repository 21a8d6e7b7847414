package dev.irctl.engine.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.Principal;
import java.util.List;

/**
 * What install-policy should leave behind: a managed policy of this name and ARN with this document
 * as its default version, attached to each principal. {@code adopt}: take over a same-named policy
 * irctl did not create.
 */
public record DesiredPolicy(
    String name, String arn, JsonNode document, List<Principal> principals, boolean adopt) {
  public DesiredPolicy {
    principals = principals.stream().distinct().sorted().toList();
  }
}
