package dev.irctl.engine.port;

import java.util.List;
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

  /** ListRolePolicies: the names of the role's inline policies (every page). */
  List<String> inlinePolicyNames(String roleName);

  /** ListAttachedRolePolicies: the ARNs of the managed policies attached to the role. */
  List<String> attachedPolicyArns(String roleName);

  /** DeleteRolePolicy: deletes one inline policy. */
  void deleteRolePolicy(String roleName, String policyName);

  /** DetachRolePolicy: detaches one managed policy (the policy itself stays). */
  void detachRolePolicy(String roleName, String policyArn);

  /**
   * DeleteRole. IAM refuses it while the role has inline or attached policies (or an instance
   * profile, which irctl never adds): callers delete and detach those first. The caller checks
   * ownership (name and tag) before calling.
   */
  void deleteRole(String roleName);

  record Role(String name, String arn, String trustPolicy, Map<String, String> tags) {
    public Role {
      tags = Map.copyOf(tags);
    }
  }
}
