package dev.irctl.engine.drill;

/** Where one drill runs: a region and the irctl topic whose subscribers the alert reaches. */
public record DrillTarget(String region, String topicArn) {
  public DrillTarget {
    if (!topicArn.startsWith("arn:") || topicArn.split(":").length < 6) {
      throw new IllegalArgumentException("not a topic ARN: " + topicArn);
    }
  }

  /** {@code aws}, {@code aws-cn}, ... from the topic's ARN. */
  public String partition() {
    return topicArn.split(":")[1];
  }

  public String account() {
    return topicArn.split(":")[4];
  }
}
