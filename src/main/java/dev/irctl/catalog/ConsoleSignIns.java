package dev.irctl.catalog;

import java.util.Locale;

/**
 * Which console sign-ins a rule watches, and so where beyond the chosen regions it must run. AWS
 * records a root sign-in in us-east-1, and an IAM user's sign-in on the global endpoint in
 * us-east-1, us-east-2, eu-north-1 or ap-southeast-2, whatever region the user then works in
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html).
 */
public enum ConsoleSignIns {
  /** Not a sign-in rule: deployed by its scope only. */
  NONE,
  /** IAM user (and root) sign-ins: also deployed in every region global-endpoint sign-ins land. */
  ALL,
  /** Root sign-ins only: also deployed where they land (us-east-1). */
  ROOT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConsoleSignIns fromId(String id) {
    return id == null || id.isEmpty() ? NONE : valueOf(id.toUpperCase(Locale.ROOT));
  }
}
