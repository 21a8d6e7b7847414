package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.IrctlScopes;
import dev.irctl.engine.port.IamPort;
import dev.irctl.engine.port.ManagedPolicy;
import dev.irctl.engine.port.PolicyVersion;
import dev.irctl.engine.port.Principal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Tag;

/** {@link IamPort} over the SDK's IAM client on the partition's global endpoint. */
final class IamAdapter implements IamPort {
  /**
   * The IAM actions this adapter calls; print-policy and the wire tests check against this list.
   */
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("iam:GetPolicy"),
          AwsAction.read("iam:GetPolicyVersion"),
          AwsAction.read("iam:ListPolicyVersions"),
          AwsAction.write("iam:CreatePolicy").scopedTo(IrctlScopes.POLICIES),
          // CreatePolicy with tags is also authorised as iam:TagPolicy; --adopt calls it directly.
          AwsAction.write("iam:TagPolicy").scopedTo(IrctlScopes.POLICIES),
          AwsAction.write("iam:CreatePolicyVersion").scopedTo(IrctlScopes.POLICIES),
          AwsAction.write("iam:DeletePolicyVersion").scopedTo(IrctlScopes.POLICIES),
          AwsAction.read("iam:GetRole"),
          AwsAction.read("iam:GetGroup"),
          AwsAction.read("iam:GetUser"),
          AwsAction.read("iam:ListAttachedRolePolicies"),
          AwsAction.read("iam:ListAttachedGroupPolicies"),
          AwsAction.read("iam:ListAttachedUserPolicies"),
          AwsAction.write("iam:AttachRolePolicy").scopedTo(IrctlScopes.ATTACH_IRCTL_POLICY),
          AwsAction.write("iam:AttachGroupPolicy").scopedTo(IrctlScopes.ATTACH_IRCTL_POLICY),
          AwsAction.write("iam:AttachUserPolicy").scopedTo(IrctlScopes.ATTACH_IRCTL_POLICY));

  private final IamClient client;

  IamAdapter(IamClient client) {
    this.client = client;
  }

  @Override
  public Optional<ManagedPolicy> findPolicy(String policyArn) {
    Optional<Policy> policy =
        AwsCalls.absentIfNotFound(
            () ->
                AwsCalls.call(
                    "iam:GetPolicy", () -> client.getPolicy(b -> b.policyArn(policyArn)).policy()));
    return policy.map(
        p ->
            new ManagedPolicy(
                p.arn(),
                p.policyName(),
                p.defaultVersionId(),
                p.tags().stream()
                    .collect(
                        java.util.stream.Collectors.toMap(Tag::key, Tag::value, (a, b) -> b))));
  }

  @Override
  public String policyDocument(String policyArn, String versionId) {
    String encoded =
        AwsCalls.call(
            "iam:GetPolicyVersion",
            () ->
                client
                    .getPolicyVersion(b -> b.policyArn(policyArn).versionId(versionId))
                    .policyVersion()
                    .document());
    // IAM returns documents URL-encoded (RFC 3986: a space is %20, a plus %2B), so URLDecoder reads
    // it right.
    return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }

  @Override
  public List<PolicyVersion> policyVersions(String policyArn) {
    return AwsCalls.list(
        "iam:ListPolicyVersions",
        () -> client.listPolicyVersionsPaginator(b -> b.policyArn(policyArn)).versions(),
        v ->
            new PolicyVersion(
                v.versionId(), Boolean.TRUE.equals(v.isDefaultVersion()), v.createDate()));
  }

  @Override
  public String createPolicy(
      String name, String description, String document, Map<String, String> tags) {
    return AwsCalls.call(
            "iam:CreatePolicy",
            () ->
                client.createPolicy(
                    b ->
                        b.policyName(name)
                            .description(description)
                            .policyDocument(document)
                            .tags(tags(tags))))
        .policy()
        .arn();
  }

  @Override
  public void tagPolicy(String policyArn, Map<String, String> tags) {
    AwsCalls.run(
        "iam:TagPolicy", () -> client.tagPolicy(b -> b.policyArn(policyArn).tags(tags(tags))));
  }

  @Override
  public String createDefaultVersion(String policyArn, String document) {
    return AwsCalls.call(
            "iam:CreatePolicyVersion",
            () ->
                client.createPolicyVersion(
                    b -> b.policyArn(policyArn).policyDocument(document).setAsDefault(true)))
        .policyVersion()
        .versionId();
  }

  @Override
  public void deletePolicyVersion(String policyArn, String versionId) {
    AwsCalls.run(
        "iam:DeletePolicyVersion",
        () -> client.deletePolicyVersion(b -> b.policyArn(policyArn).versionId(versionId)));
  }

  @Override
  public boolean exists(Principal principal) {
    String name = principal.name();
    return AwsCalls.absentIfNotFound(
            () ->
                AwsCalls.call(
                    "iam:Get" + word(principal),
                    () ->
                        switch (principal.kind()) {
                          case ROLE -> client.getRole(b -> b.roleName(name));
                          // GetGroup also lists members; one is enough to learn the group exists.
                          case GROUP -> client.getGroup(b -> b.groupName(name).maxItems(1));
                          case USER -> client.getUser(b -> b.userName(name));
                        }))
        .isPresent();
  }

  @Override
  public List<String> attachedPolicyArns(Principal principal) {
    String name = principal.name();
    return AwsCalls.call(
        "iam:ListAttached" + word(principal) + "Policies",
        () -> {
          SdkIterable<AttachedPolicy> attached =
              switch (principal.kind()) {
                case ROLE ->
                    client
                        .listAttachedRolePoliciesPaginator(b -> b.roleName(name))
                        .attachedPolicies();
                case GROUP ->
                    client
                        .listAttachedGroupPoliciesPaginator(b -> b.groupName(name))
                        .attachedPolicies();
                case USER ->
                    client
                        .listAttachedUserPoliciesPaginator(b -> b.userName(name))
                        .attachedPolicies();
              };
          return attached.stream().map(AttachedPolicy::policyArn).toList();
        });
  }

  @Override
  public void attach(Principal principal, String policyArn) {
    String name = principal.name();
    AwsCalls.run(
        "iam:Attach" + word(principal) + "Policy",
        () -> {
          switch (principal.kind()) {
            case ROLE -> client.attachRolePolicy(b -> b.roleName(name).policyArn(policyArn));
            case GROUP -> client.attachGroupPolicy(b -> b.groupName(name).policyArn(policyArn));
            case USER -> client.attachUserPolicy(b -> b.userName(name).policyArn(policyArn));
          }
        });
  }

  /** The principal's kind as IAM's action names spell it: Role, Group, User. */
  private static String word(Principal principal) {
    return switch (principal.kind()) {
      case ROLE -> "Role";
      case GROUP -> "Group";
      case USER -> "User";
    };
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
