package dev.irctl.cli;

/**
 * The caller as the tamper rules' {@code deployerPrincipalArns} matches it: CloudTrail's {@code
 * userIdentity.arn}. For an IAM user or root that is GetCallerIdentity's ARN itself; for an assumed
 * role it is {@code arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION}, the same form
 * GetCallerIdentity returns, whose session name changes per run, so the offer keeps the role and
 * wildcards the session.
 */
final class DeployerArn {
  private DeployerArn() {}

  static String of(String callerArn) {
    String[] parts = callerArn.split(":", 6);
    if (parts.length == 6 && parts[5].startsWith("assumed-role/")) {
      String[] path = parts[5].split("/");
      if (path.length >= 3) {
        return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "")
            + "assumed-role/"
            + path[1]
            + "/*";
      }
    }
    return callerArn;
  }
}
