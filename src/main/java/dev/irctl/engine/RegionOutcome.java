package dev.irctl.engine;

import java.util.Optional;

/** What happened in one region: a value, or the one-sentence reason it failed. */
public record RegionOutcome<T>(
    String region, Optional<T> value, Optional<String> error, Optional<Throwable> cause) {
  public static <T> RegionOutcome<T> success(String region, T value) {
    return new RegionOutcome<>(region, Optional.of(value), Optional.empty(), Optional.empty());
  }

  public static <T> RegionOutcome<T> failure(String region, String error, Throwable cause) {
    return new RegionOutcome<>(
        region, Optional.empty(), Optional.of(error), Optional.ofNullable(cause));
  }

  public boolean failed() {
    return error.isPresent();
  }
}
