package dev.irctl.engine.port;

/** A role, group or user, by name (IAM's Get and Attach calls take the name, not the ARN). */
public record Principal(PrincipalKind kind, String name) implements Comparable<Principal> {
  public static Principal role(String name) {
    return new Principal(PrincipalKind.ROLE, name);
  }

  public static Principal group(String name) {
    return new Principal(PrincipalKind.GROUP, name);
  }

  public static Principal user(String name) {
    return new Principal(PrincipalKind.USER, name);
  }

  @Override
  public int compareTo(Principal other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return kind.label() + "/" + name;
  }
}
