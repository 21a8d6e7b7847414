package dev.irctl.engine.account;

import dev.irctl.engine.iam.InstallPolicyResult;
import dev.irctl.engine.iam.PolicyChange;
import java.util.List;
import java.util.Optional;

/**
 * The IAM policy's part of a plan or apply: install-policy's result, or why it was skipped (no
 * principals), or why it failed before a result existed (a principal missing, a foreign policy,
 * access denied).
 */
public record IamPart(
    Optional<InstallPolicyResult> result, Optional<String> skipped, Optional<String> error) {
  public static IamPart of(InstallPolicyResult result) {
    return new IamPart(Optional.of(result), Optional.empty(), result.error());
  }

  public static IamPart skipped(String why) {
    return new IamPart(Optional.empty(), Optional.of(why), Optional.empty());
  }

  public static IamPart failed(String error) {
    return new IamPart(Optional.empty(), Optional.empty(), Optional.of(error));
  }

  public boolean failed() {
    return error.isPresent();
  }

  public boolean isSkipped() {
    return skipped.isPresent();
  }

  /** skipped, failed, or install-policy's status (unchanged, would be created, updated, ...). */
  public String status() {
    if (skipped.isPresent()) {
      return "skipped";
    }
    if (failed()) {
      return "failed";
    }
    return result.map(InstallPolicyResult::status).orElse("unknown");
  }

  public List<PolicyChange> changes() {
    return result.map(InstallPolicyResult::changes).orElse(List.of());
  }
}
