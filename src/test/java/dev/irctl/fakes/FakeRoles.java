package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RolePort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** IAM roles with trust policies, tags and inline policies. */
public final class FakeRoles implements RolePort {
  private final String account;
  private final CallLog log;
  private final Map<String, Role> roles = new HashMap<>();
  private final Map<String, String> inline = new HashMap<>();
  private final Map<String, List<String>> attached = new HashMap<>();

  FakeRoles(String account, CallLog log) {
    this.account = account;
    this.log = log;
  }

  public synchronized Optional<String> inlinePolicy(String role, String policy) {
    return Optional.ofNullable(inline.get(role + "/" + policy));
  }

  @Override
  public synchronized Optional<Role> role(String name) {
    log.record("global", "iam:GetRole", false);
    return Optional.ofNullable(roles.get(name));
  }

  @Override
  public synchronized String createRole(
      String name, String trustPolicy, String description, Map<String, String> tags) {
    log.record("global", "iam:CreateRole", true);
    if (roles.containsKey(name)) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          "iam:CreateRole",
          "EntityAlreadyExists: Role with name " + name + " already exists.");
    }
    String arn = "arn:aws:iam::" + account + ":role/" + name;
    roles.put(name, new Role(name, arn, trustPolicy, tags));
    return arn;
  }

  @Override
  public synchronized void updateTrustPolicy(String roleName, String trustPolicy) {
    log.record("global", "iam:UpdateAssumeRolePolicy", true);
    Role role = existing(roleName);
    roles.put(roleName, new Role(roleName, role.arn(), trustPolicy, role.tags()));
  }

  @Override
  public synchronized Optional<String> rolePolicy(String roleName, String policyName) {
    log.record("global", "iam:GetRolePolicy", false);
    existing(roleName);
    return Optional.ofNullable(inline.get(roleName + "/" + policyName));
  }

  @Override
  public synchronized void putRolePolicy(String roleName, String policyName, String document) {
    log.record("global", "iam:PutRolePolicy", true);
    existing(roleName);
    inline.put(roleName + "/" + policyName, document);
  }

  /** Seeds a managed policy attachment, as someone might have added it. */
  public synchronized FakeRoles attached(String role, String policyArn) {
    attached.computeIfAbsent(role, r -> new ArrayList<>()).add(policyArn);
    return this;
  }

  /** Seeds a role as if it existed already (someone else's, or an older irctl's). */
  public synchronized FakeRoles existing(
      String name, String trustPolicy, Map<String, String> tags) {
    roles.put(name, new Role(name, "arn:aws:iam::" + account + ":role/" + name, trustPolicy, tags));
    return this;
  }

  @Override
  public synchronized List<String> inlinePolicyNames(String roleName) {
    log.record("global", "iam:ListRolePolicies", false);
    existing(roleName);
    List<String> names = new ArrayList<>();
    new TreeSet<>(inline.keySet())
        .stream()
            .filter(k -> k.startsWith(roleName + "/"))
            .forEach(k -> names.add(k.substring(roleName.length() + 1)));
    return names;
  }

  @Override
  public synchronized List<String> attachedPolicyArns(String roleName) {
    log.record("global", "iam:ListAttachedRolePolicies", false);
    existing(roleName);
    return List.copyOf(attached.getOrDefault(roleName, List.of()));
  }

  @Override
  public synchronized void deleteRolePolicy(String roleName, String policyName) {
    log.record("global", "iam:DeleteRolePolicy", true);
    existing(roleName);
    inline.remove(roleName + "/" + policyName);
  }

  @Override
  public synchronized void detachRolePolicy(String roleName, String policyArn) {
    log.record("global", "iam:DetachRolePolicy", true);
    existing(roleName);
    attached.getOrDefault(roleName, new ArrayList<>()).remove(policyArn);
  }

  /** Refused, as IAM refuses it, while the role still has policies. */
  @Override
  public synchronized void deleteRole(String roleName) {
    log.record("global", "iam:DeleteRole", true);
    existing(roleName);
    boolean hasPolicies =
        inline.keySet().stream().anyMatch(k -> k.startsWith(roleName + "/"))
            || !attached.getOrDefault(roleName, List.of()).isEmpty();
    if (hasPolicies) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          "iam:DeleteRole",
          "DeleteConflict: Cannot delete entity, must delete policies first.");
    }
    roles.remove(roleName);
  }

  private Role existing(String name) {
    Role role = roles.get(name);
    if (role == null) {
      throw new AwsCallException(
          AwsCallException.Kind.NOT_FOUND,
          "iam",
          "NoSuchEntity: The role with name " + name + " cannot be found.");
    }
    return role;
  }
}
