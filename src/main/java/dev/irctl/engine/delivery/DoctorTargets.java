package dev.irctl.engine.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.MessageFormat;
import dev.irctl.engine.rules.RegionPlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * What the doctor checks in a region, from the same selection as apply-rules and status: the topic
 * named there, the honey buckets of the honey-bucket rule when it belongs in the region, and the
 * message format.
 */
public final class DoctorTargets {
  static final String HONEY_BUCKET_RULE = "s3-honey-bucket-access";

  private DoctorTargets() {}

  public static DoctorTarget of(ApplyRulesRequest request, Identity identity, String region) {
    return new DoctorTarget(
        region,
        RegionPlanner.topicArn(identity, region, request.topic().name()),
        honeyBuckets(request.rulesFor(region)),
        request.messageFormat() == MessageFormat.READABLE);
  }

  /** The bucket names rendered into the honey-bucket rule's pattern (detail.requestParameters). */
  static List<String> honeyBuckets(List<DesiredRule> rules) {
    List<String> buckets = new ArrayList<>();
    for (DesiredRule rule : rules) {
      if (!HONEY_BUCKET_RULE.equals(rule.ruleId())) {
        continue;
      }
      JsonNode names = rule.pattern().path("detail").path("requestParameters").path("bucketName");
      if (names.isArray()) {
        names.forEach(n -> buckets.add(n.asText()));
      } else if (names.isTextual()) {
        buckets.add(names.asText());
      }
    }
    return buckets;
  }
}
