package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.IamPort;
import dev.irctl.engine.port.ManagedPolicy;
import dev.irctl.engine.port.PolicyVersion;
import dev.irctl.engine.port.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IAM of one account, in memory, behaving like the service for what irctl uses: numbered versions,
 * the 5-version limit, NoSuchEntity for missing principals, attachments. Calls are logged in region
 * "global". A call's latency is waited out before the fake's lock is taken, so calls made at once
 * overlap as they do against IAM.
 */
public final class FakeIam implements IamPort {
  private static final String REGION = "global";

  private final CallLog log;
  private final Map<String, StoredPolicy> policies = new HashMap<>();
  private final Map<Principal, Set<String>> principals = new HashMap<>();
  private Instant clock = Instant.parse("2024-01-01T00:00:00Z");

  FakeIam(CallLog log) {
    this.log = log;
  }

  /** A policy with its versions as {@code documents}, the last one the default. */
  public synchronized FakeIam existingPolicy(
      String arn, Map<String, String> tags, String... documents) {
    StoredPolicy policy = new StoredPolicy(arn, new HashMap<>(tags));
    for (String document : documents) {
      policy.addVersion(document, tick());
    }
    policies.put(arn, policy);
    return this;
  }

  public synchronized FakeIam existingPrincipal(Principal principal, String... attachedArns) {
    principals.put(principal, new LinkedHashSet<>(List.of(attachedArns)));
    return this;
  }

  public synchronized Optional<StoredPolicy> policy(String arn) {
    return Optional.ofNullable(policies.get(arn));
  }

  public synchronized Set<String> attachedTo(Principal principal) {
    return Set.copyOf(principals.getOrDefault(principal, Set.of()));
  }

  @Override
  public Optional<ManagedPolicy> findPolicy(String policyArn) {
    log.record(REGION, "iam:GetPolicy", false);
    synchronized (this) {
      return Optional.ofNullable(policies.get(policyArn)).map(StoredPolicy::describe);
    }
  }

  @Override
  public String policyDocument(String policyArn, String versionId) {
    log.record(REGION, "iam:GetPolicyVersion", false);
    synchronized (this) {
      return stored(policyArn).versions.stream()
          .filter(v -> v.id.equals(versionId))
          .findFirst()
          .orElseThrow(() -> noSuchEntity("iam:GetPolicyVersion", versionId))
          .document;
    }
  }

  @Override
  public List<PolicyVersion> policyVersions(String policyArn) {
    log.record(REGION, "iam:ListPolicyVersions", false);
    synchronized (this) {
      StoredPolicy policy = stored(policyArn);
      return policy.versions.stream()
          .map(v -> new PolicyVersion(v.id, v.id.equals(policy.defaultVersion), v.created))
          .toList();
    }
  }

  @Override
  public synchronized String createPolicy(
      String name, String description, String document, Map<String, String> tags) {
    log.record(REGION, "iam:CreatePolicy", true);
    String arn = "arn:aws:iam::" + FakeAccount.ACCOUNT_ID + ":policy/" + name;
    if (policies.containsKey(arn)) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST, "iam:CreatePolicy", "EntityAlreadyExists");
    }
    StoredPolicy policy = new StoredPolicy(arn, new HashMap<>(tags));
    policy.addVersion(document, tick());
    policies.put(arn, policy);
    return arn;
  }

  @Override
  public void tagPolicy(String policyArn, Map<String, String> tags) {
    log.record(REGION, "iam:TagPolicy", true);
    synchronized (this) {
      stored(policyArn).tags.putAll(tags);
    }
  }

  @Override
  public String createDefaultVersion(String policyArn, String document) {
    log.record(REGION, "iam:CreatePolicyVersion", true);
    synchronized (this) {
      StoredPolicy policy = stored(policyArn);
      if (policy.versions.size() >= 5) {
        throw new AwsCallException(
            AwsCallException.Kind.INVALID_REQUEST,
            "iam:CreatePolicyVersion",
            "LimitExceeded: A managed policy can have up to 5 versions.");
      }
      return policy.addVersion(document, tick());
    }
  }

  @Override
  public void deletePolicyVersion(String policyArn, String versionId) {
    log.record(REGION, "iam:DeletePolicyVersion", true);
    synchronized (this) {
      StoredPolicy policy = stored(policyArn);
      if (versionId.equals(policy.defaultVersion)) {
        throw new AwsCallException(
            AwsCallException.Kind.INVALID_REQUEST,
            "iam:DeletePolicyVersion",
            "DeleteConflict: default version");
      }
      policy.versions.removeIf(v -> v.id.equals(versionId));
    }
  }

  @Override
  public boolean exists(Principal principal) {
    log.record(REGION, "iam:Get" + capitalized(principal), false);
    synchronized (this) {
      return principals.containsKey(principal);
    }
  }

  @Override
  public List<String> attachedPolicyArns(Principal principal) {
    String action = "iam:ListAttached" + capitalized(principal) + "Policies";
    log.record(REGION, action, false);
    synchronized (this) {
      if (!principals.containsKey(principal)) {
        throw noSuchEntity(action, principal.toString());
      }
      return List.copyOf(principals.get(principal));
    }
  }

  @Override
  public void attach(Principal principal, String policyArn) {
    String action = "iam:Attach" + capitalized(principal) + "Policy";
    log.record(REGION, action, true);
    synchronized (this) {
      if (!principals.containsKey(principal)) {
        throw noSuchEntity(action, principal.toString());
      }
      stored(policyArn);
      principals.get(principal).add(policyArn);
    }
  }

  private StoredPolicy stored(String arn) {
    StoredPolicy policy = policies.get(arn);
    if (policy == null) {
      throw noSuchEntity("iam:GetPolicy", arn);
    }
    return policy;
  }

  private Instant tick() {
    clock = clock.plusSeconds(60);
    return clock;
  }

  private static String capitalized(Principal principal) {
    String label = principal.kind().label();
    return Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }

  private static AwsCallException noSuchEntity(String action, String what) {
    return new AwsCallException(
        AwsCallException.Kind.NOT_FOUND, action, "NoSuchEntity: " + what + " not found");
  }

  /** A policy as the fake holds it. */
  public static final class StoredPolicy {
    private final String arn;
    private final Map<String, String> tags;
    private final List<Version> versions = new ArrayList<>();
    private String defaultVersion;
    private int nextVersion = 1;

    StoredPolicy(String arn, Map<String, String> tags) {
      this.arn = arn;
      this.tags = tags;
    }

    String addVersion(String document, Instant created) {
      String id = "v" + nextVersion++;
      versions.add(new Version(id, document, created));
      defaultVersion = id;
      return id;
    }

    ManagedPolicy describe() {
      return new ManagedPolicy(arn, arn.substring(arn.lastIndexOf('/') + 1), defaultVersion, tags);
    }

    public Map<String, String> tags() {
      return Map.copyOf(tags);
    }

    public String defaultDocument() {
      return versions.stream()
          .filter(v -> v.id.equals(defaultVersion))
          .findFirst()
          .orElseThrow()
          .document;
    }

    public String defaultVersionId() {
      return defaultVersion;
    }

    public List<String> versionIds() {
      return versions.stream().map(v -> v.id).toList();
    }
  }

  private record Version(String id, String document, Instant created) {}
}
