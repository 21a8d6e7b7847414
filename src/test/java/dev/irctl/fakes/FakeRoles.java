package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RolePort;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** IAM roles with trust policies, tags and inline policies. */
public final class FakeRoles implements RolePort {
  private final String account;
  private final CallLog log;
  private final Map<String, Role> roles = new HashMap<>();
  private final Map<String, String> inline = new HashMap<>();

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
