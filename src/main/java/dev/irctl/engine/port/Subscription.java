package dev.irctl.engine.port;

/**
 * A topic subscription; {@code pending} until the endpoint confirms it (email and https must
 * confirm).
 */
public record Subscription(String protocol, String endpoint, boolean pending) {
  public boolean sameEndpoint(String otherProtocol, String otherEndpoint) {
    if (!protocol.equalsIgnoreCase(otherProtocol)) {
      return false;
    }
    // Email addresses are case-insensitive in practice; SNS keeps whatever case was given.
    return "email".equalsIgnoreCase(protocol)
        ? endpoint.equalsIgnoreCase(otherEndpoint)
        : endpoint.equals(otherEndpoint);
  }
}
