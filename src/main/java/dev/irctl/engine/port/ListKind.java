package dev.irctl.engine.port;

/** GuardDuty's two kinds of custom IP lists. */
public enum ListKind {
  /** Known-bad addresses: traffic to or from them raises findings. */
  THREAT_INTEL("threat intel set", "--threat-intel-set"),
  /** Trusted addresses: GuardDuty raises no findings for them. */
  TRUSTED_IP("trusted IP set", "--trusted-ip-set");

  private final String label;
  private final String flag;

  ListKind(String label, String flag) {
    this.label = label;
    this.flag = flag;
  }

  public String label() {
    return label;
  }

  public String flag() {
    return flag;
  }
}
