package dev.irctl.engine.port;

/** The IAM identities a managed policy can be attached to. */
public enum PrincipalKind {
  ROLE,
  GROUP,
  USER;

  /** As in ARNs and output: {@code role}, {@code group}, {@code user}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
