package dev.irctl.aws;

import dev.irctl.engine.permissions.ActionScope;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.RolePort;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@link RolePort} over the SDK's IAM client (global endpoint). Every action is scoped to the one
 * role irctl owns, {@code irctl-event-forwarder}.
 */
final class ForwarderRoleAdapter implements RolePort {
  private static final ActionScope FORWARDER_ROLE =
      new ActionScope(
          "IrctlForwarderRole",
          "arn:${Partition}:iam::${AccountId}:role/irctl-event-forwarder",
          Map.of());

  private static final AwsAction GET_ROLE = AwsAction.read("iam:GetRole");

  /** apply-rules with a hub: the role made or put back. */
  static final List<AwsAction> APPLY_ACTIONS =
      List.of(
          GET_ROLE,
          AwsAction.write("iam:CreateRole").scopedTo(FORWARDER_ROLE),
          // Tags in CreateRole need iam:TagRole as well.
          AwsAction.write("iam:TagRole").scopedTo(FORWARDER_ROLE),
          AwsAction.write("iam:UpdateAssumeRolePolicy").scopedTo(FORWARDER_ROLE),
          AwsAction.read("iam:GetRolePolicy"),
          AwsAction.write("iam:PutRolePolicy").scopedTo(FORWARDER_ROLE));

  /** remove-rules, once no forwarder is left: inline policies, attachments, then the role. */
  static final List<AwsAction> REMOVE_ACTIONS =
      List.of(
          GET_ROLE,
          AwsAction.read("iam:ListRolePolicies"),
          AwsAction.read("iam:ListAttachedRolePolicies"),
          AwsAction.write("iam:DeleteRolePolicy").scopedTo(FORWARDER_ROLE),
          AwsAction.write("iam:DetachRolePolicy").scopedTo(FORWARDER_ROLE),
          AwsAction.write("iam:DeleteRole").scopedTo(FORWARDER_ROLE));

  static final List<AwsAction> ACTIONS =
      java.util.stream.Stream.concat(APPLY_ACTIONS.stream(), REMOVE_ACTIONS.stream())
          .distinct()
          .toList();

  private final IamClient client;

  ForwarderRoleAdapter(IamClient client) {
    this.client = client;
  }

  @Override
  public Optional<Role> role(String name) {
    return AwsCalls.call(
        "iam:GetRole",
        () -> {
          try {
            var role = client.getRole(b -> b.roleName(name)).role();
            Map<String, String> tags = new HashMap<>();
            role.tags().forEach(t -> tags.put(t.key(), t.value()));
            return Optional.of(
                new Role(
                    role.roleName(), role.arn(), decode(role.assumeRolePolicyDocument()), tags));
          } catch (NoSuchEntityException absent) {
            return Optional.empty();
          }
        });
  }

  @Override
  public String createRole(
      String name, String trustPolicy, String description, Map<String, String> tags) {
    List<Tag> sdkTags =
        tags.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList();
    return AwsCalls.call(
            "iam:CreateRole",
            () ->
                client.createRole(
                    b ->
                        b.roleName(name)
                            .assumeRolePolicyDocument(trustPolicy)
                            .description(description)
                            .tags(sdkTags)))
        .role()
        .arn();
  }

  @Override
  public void updateTrustPolicy(String roleName, String trustPolicy) {
    AwsCalls.run(
        "iam:UpdateAssumeRolePolicy",
        () -> client.updateAssumeRolePolicy(b -> b.roleName(roleName).policyDocument(trustPolicy)));
  }

  @Override
  public Optional<String> rolePolicy(String roleName, String policyName) {
    return AwsCalls.call(
        "iam:GetRolePolicy",
        () -> {
          try {
            return Optional.of(
                decode(
                    client
                        .getRolePolicy(b -> b.roleName(roleName).policyName(policyName))
                        .policyDocument()));
          } catch (NoSuchEntityException absent) {
            return Optional.empty();
          }
        });
  }

  @Override
  public void putRolePolicy(String roleName, String policyName, String document) {
    AwsCalls.run(
        "iam:PutRolePolicy",
        () ->
            client.putRolePolicy(
                b -> b.roleName(roleName).policyName(policyName).policyDocument(document)));
  }

  @Override
  public List<String> inlinePolicyNames(String roleName) {
    return AwsCalls.list(
        "iam:ListRolePolicies",
        () -> client.listRolePoliciesPaginator(b -> b.roleName(roleName)).policyNames(),
        name -> name);
  }

  @Override
  public List<String> attachedPolicyArns(String roleName) {
    return AwsCalls.list(
        "iam:ListAttachedRolePolicies",
        () ->
            client.listAttachedRolePoliciesPaginator(b -> b.roleName(roleName)).attachedPolicies(),
        p -> p.policyArn());
  }

  @Override
  public void deleteRolePolicy(String roleName, String policyName) {
    AwsCalls.run(
        "iam:DeleteRolePolicy",
        () -> client.deleteRolePolicy(b -> b.roleName(roleName).policyName(policyName)));
  }

  @Override
  public void detachRolePolicy(String roleName, String policyArn) {
    AwsCalls.run(
        "iam:DetachRolePolicy",
        () -> client.detachRolePolicy(b -> b.roleName(roleName).policyArn(policyArn)));
  }

  @Override
  public void deleteRole(String roleName) {
    AwsCalls.run("iam:DeleteRole", () -> client.deleteRole(b -> b.roleName(roleName)));
  }

  /** IAM returns policy documents URL-encoded. */
  private static String decode(String document) {
    return document == null ? "" : URLDecoder.decode(document, StandardCharsets.UTF_8);
  }
}
