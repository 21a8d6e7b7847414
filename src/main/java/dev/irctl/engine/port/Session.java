package dev.irctl.engine.port;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to reach AWS: the profile, a role to assume for the run, an endpoint override (an emulator or
 * a test server), how many regions run at once (which sizes the shared HTTP connection pool), how
 * long one call may take, and the regions the user named (so a home region for global calls needs
 * no guessing).
 */
public record Session(
    Optional<String> profile,
    Optional<URI> endpoint,
    int concurrency,
    Optional<AssumeRole> assumeRole,
    CallTimeouts timeouts,
    List<String> namedRegions) {
  public Session {
    namedRegions = List.copyOf(namedRegions);
  }

  public Session(Optional<String> profile, Optional<URI> endpoint, int concurrency) {
    this(profile, endpoint, concurrency, Optional.empty(), CallTimeouts.DEFAULT, List.of());
  }

  public static Session defaults() {
    return new Session(Optional.empty(), Optional.empty(), 8);
  }

  public Session withAssumeRole(AssumeRole role) {
    return new Session(profile, endpoint, concurrency, Optional.of(role), timeouts, namedRegions);
  }

  public Session withTimeouts(CallTimeouts callTimeouts) {
    return new Session(profile, endpoint, concurrency, assumeRole, callTimeouts, namedRegions);
  }

  /** {@code --role-arn} and its companions: STS AssumeRole for the whole run. */
  public record AssumeRole(
      String roleArn, Optional<String> externalId, String sessionName, Duration duration) {}

  /** The SDK's per-attempt and per-call (all retries) timeouts. */
  public record CallTimeouts(Duration attempt, Duration call) {
    public static final CallTimeouts DEFAULT =
        new CallTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(2));

    public CallTimeouts {
      if (attempt.isNegative() || attempt.isZero() || call.compareTo(attempt) < 0) {
        throw new IllegalArgumentException(
            "timeouts must be positive and the call's at least the attempt's");
      }
    }
  }
}
