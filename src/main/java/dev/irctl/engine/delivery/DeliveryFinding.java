package dev.irctl.engine.delivery;

/** One thing wrong with a region's alert path: what, how bad, and a one-sentence fix. */
public record DeliveryFinding(FindingKind kind, DeliveryHealth level, String message, String fix) {
  public DeliveryFinding {
    if (level == DeliveryHealth.OK) {
      throw new IllegalArgumentException("a finding is WARN, NO_SUBSCRIBER or BROKEN");
    }
  }

  static DeliveryFinding broken(FindingKind kind, String message, String fix) {
    return new DeliveryFinding(kind, DeliveryHealth.BROKEN, message, fix);
  }

  static DeliveryFinding noSubscriber(FindingKind kind, String message, String fix) {
    return new DeliveryFinding(kind, DeliveryHealth.NO_SUBSCRIBER, message, fix);
  }

  static DeliveryFinding warn(FindingKind kind, String message, String fix) {
    return new DeliveryFinding(kind, DeliveryHealth.WARN, message, fix);
  }
}
