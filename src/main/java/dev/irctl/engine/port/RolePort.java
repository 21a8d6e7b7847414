package dev.irctl.engine.port;

import java.util.Map;
import java.util.Optional;

/** IAM roles irctl owns (the event forwarder), through the global endpoint. */
public interface RolePort {
  /** GetRole: the role with its trust policy (decoded JSON) and tags, or empty. */
  Optional<Role> role(String name);

  /** CreateRole with trust policy, description and tags in one call; returns the ARN. */
  String createRole(String name, String trustPolicy, String description, Map<String, String> tags);

  /** UpdateAssumeRolePolicy: replaces the role's trust policy. */
  void updateTrustPolicy(String roleName, String trustPolicy);

  /** GetRolePolicy: the inline policy document (decoded JSON), or empty. */
  Optional<String> rolePolicy(String roleName, String policyName);

  /** PutRolePolicy: creates or replaces the inline policy. */
  void putRolePolicy(String roleName, String policyName, String document);

  record Role(String name, String arn, String trustPolicy, Map<String, String> tags) {
    public Role {
      tags = Map.copyOf(tags);
    }
  }
}
