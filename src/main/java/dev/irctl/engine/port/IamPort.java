package dev.irctl.engine.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM, which is global: one port per account, not per region. Documents travel as JSON text. */
public interface IamPort {
  /** GetPolicy by ARN, with its tags; empty when there is no such policy. */
  Optional<ManagedPolicy> findPolicy(String policyArn);

  /** GetPolicyVersion: the version's document, URL-decoded (IAM returns it URL-encoded). */
  String policyDocument(String policyArn, String versionId);

  /** ListPolicyVersions, every page. */
  List<PolicyVersion> policyVersions(String policyArn);

  /** CreatePolicy with the tags; returns the new policy's ARN. */
  String createPolicy(String name, String description, String document, Map<String, String> tags);

  /** TagPolicy: adds (or overwrites) these tags and leaves the others. */
  void tagPolicy(String policyArn, Map<String, String> tags);

  /** CreatePolicyVersion, set as the default; returns the new version id. */
  String createDefaultVersion(String policyArn, String document);

  void deletePolicyVersion(String policyArn, String versionId);

  /** GetRole/GetGroup/GetUser: whether the principal exists. */
  boolean exists(Principal principal);

  /**
   * ListAttached{Role,Group,User}Policies, every page: the ARNs of the managed policies attached.
   */
  List<String> attachedPolicyArns(Principal principal);

  /** Attach{Role,Group,User}Policy. */
  void attach(Principal principal, String policyArn);
}
