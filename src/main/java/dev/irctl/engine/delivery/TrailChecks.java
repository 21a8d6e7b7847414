package dev.irctl.engine.delivery;

import static dev.irctl.engine.delivery.DeliveryFinding.broken;

import dev.irctl.engine.port.TrailPort.AdvancedSelector;
import dev.irctl.engine.port.TrailPort.BasicSelector;
import dev.irctl.engine.port.TrailPort.DataResource;
import dev.irctl.engine.port.TrailPort.FieldSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudTrail's side: CloudTrail-delivered rules need a trail logging in the region, and the
 * honey-bucket rule needs S3 data events recorded for its buckets. Pure.
 */
final class TrailChecks {
  private TrailChecks() {}

  static List<DeliveryFinding> logging(RegionFacts facts) {
    boolean logging = facts.trails().stream().anyMatch(RegionFacts.TrailFacts::logging);
    if (logging) {
      return List.of();
    }
    return List.of(
        broken(
            FindingKind.NO_TRAIL_LOGGING,
            "no CloudTrail trail is logging in "
                + facts.region()
                + ": rules on CloudTrail events (IAM, S3, console sign-in...) never fire",
            "Create a multi-region (or organization) trail, or start logging on an existing one."));
  }

  static List<DeliveryFinding> honeyBuckets(RegionFacts facts) {
    List<String> unrecorded = new ArrayList<>();
    for (String bucket : facts.honeyBuckets()) {
      boolean recorded =
          facts.trails().stream()
              .filter(RegionFacts.TrailFacts::logging)
              .anyMatch(
                  t ->
                      t.selectors().selectors().stream()
                              .anyMatch(s -> basicRecordsReads(s, facts.partition(), bucket))
                          || t.selectors().advanced().stream()
                              .anyMatch(s -> advancedRecordsReads(s, facts.partition(), bucket)));
      if (!recorded) {
        unrecorded.add(bucket);
      }
    }
    if (unrecorded.isEmpty()) {
      return List.of();
    }
    return List.of(
        broken(
            FindingKind.HONEY_BUCKET_NOT_RECORDED,
            "no logging trail records S3 read data events for honey bucket(s) "
                + String.join(", ", unrecorded)
                + ": reads of them raise no alert",
            "Add an S3 data-event selector (read events) for those buckets to a logging trail."));
  }

  /** A basic selector with read events and an S3 object data resource covering the bucket. */
  static boolean basicRecordsReads(BasicSelector selector, String partition, String bucket) {
    if (selector.readWriteType().equals("WriteOnly")) {
      return false;
    }
    for (DataResource resource : selector.dataResources()) {
      if (!resource.type().equals("AWS::S3::Object")) {
        continue;
      }
      for (String value : resource.values()) {
        if (value.equals("arn:" + partition + ":s3")
            || value.equals("arn:" + partition + ":s3:::")
            || value.equals("arn:" + partition + ":s3:::" + bucket)
            || value.startsWith("arn:" + partition + ":s3:::" + bucket + "/")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether an advanced selector keeps a GetObject on the bucket: every field condition must hold
   * for such an event. Fields it says nothing of (e.g. userIdentity.arn) are taken as kept.
   */
  static boolean advancedRecordsReads(AdvancedSelector selector, String partition, String bucket) {
    Map<String, String> event =
        Map.of(
            "eventCategory", "Data",
            "resources.type", "AWS::S3::Object",
            "resources.ARN", "arn:" + partition + ":s3:::" + bucket + "/object",
            "readOnly", "true",
            "eventName", "GetObject",
            "eventSource", "s3.amazonaws.com");
    boolean dataCategory = false;
    boolean s3Objects = false;
    for (FieldSelector field : selector.fields()) {
      String value = event.get(field.field());
      if (value == null) {
        continue;
      }
      if (!holds(field, value)) {
        return false;
      }
      dataCategory |= field.field().equals("eventCategory");
      s3Objects |= field.field().equals("resources.type");
    }
    return dataCategory && s3Objects;
  }

  private static boolean holds(FieldSelector f, String value) {
    return (f.equalsTo().isEmpty() || f.equalsTo().contains(value))
        && (f.startsWith().isEmpty() || f.startsWith().stream().anyMatch(value::startsWith))
        && (f.endsWith().isEmpty() || f.endsWith().stream().anyMatch(value::endsWith))
        && f.notEquals().stream().noneMatch(value::equals)
        && f.notStartsWith().stream().noneMatch(value::startsWith)
        && f.notEndsWith().stream().noneMatch(value::endsWith);
  }
}
