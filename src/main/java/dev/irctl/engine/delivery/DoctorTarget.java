package dev.irctl.engine.delivery;

import java.util.List;

/**
 * What the doctor checks in one region: the irctl topic rules send to, the honey buckets (empty
 * when that rule is not deployed) and whether the readable message format is in use.
 */
public record DoctorTarget(
    String region, String topicArn, List<String> honeyBuckets, boolean readableMessages) {
  public DoctorTarget {
    honeyBuckets = List.copyOf(honeyBuckets);
  }

  public String partition() {
    return topicArn.split(":")[1];
  }
}
