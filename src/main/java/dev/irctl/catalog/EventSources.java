package dev.irctl.catalog;

import java.util.Set;

/**
 * Where CloudTrail events of a service reach EventBridge. Global services record their events in
 * us-east-1 only (CloudTrail User Guide, "Understanding global service events"); everything else
 * arrives in the region of the call.
 */
final class EventSources {
  /** Sources whose CloudTrail events arrive in us-east-1 only. */
  static final Set<String> GLOBAL_ONLY =
      Set.of("aws.iam", "aws.organizations", "aws.route53", "aws.cloudfront");

  /**
   * STS: calls to the global endpoint (sts.amazonaws.com) arrive in us-east-1, calls to a regional
   * endpoint in that region. A global rule on aws.sts sees only the former.
   */
  static final String STS = "aws.sts";

  private EventSources() {}

  static boolean isGlobalOnly(String source) {
    return GLOBAL_ONLY.contains(source);
  }
}
