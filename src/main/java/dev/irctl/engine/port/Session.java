package dev.irctl.engine.port;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach AWS: the profile, an endpoint override (an emulator or a test server) and how many
 * regions run at once, which sizes the shared HTTP connection pool.
 */
public record Session(Optional<String> profile, Optional<URI> endpoint, int concurrency) {
  public static Session defaults() {
    return new Session(Optional.empty(), Optional.empty(), 8);
  }
}
