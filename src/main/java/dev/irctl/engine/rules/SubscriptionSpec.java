package dev.irctl.engine.rules;

/** A subscription the user asked for with {@code --subscribe}: an SNS protocol and its endpoint. */
public record SubscriptionSpec(String protocol, String endpoint) {
  @Override
  public String toString() {
    return protocol + ":" + endpoint;
  }
}
