package dev.irctl.engine.port;

/** GuardDuty's two kinds of custom IP lists. */
public enum ListKind {
  /** Known-bad addresses: traffic to or from them raises findings. */
  THREAT_INTEL("threat intel set"),
  /** Trusted addresses: GuardDuty raises no findings for them. */
  TRUSTED_IP("trusted IP set");

  private final String label;

  ListKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
