package dev.irctl.engine.region;

import dev.irctl.Suggestion;
import dev.irctl.UserException;
import dev.irctl.engine.Input;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RegionDirectoryPort;
import dev.irctl.engine.port.RegionDirectoryPort.AccountRegions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code --region}/{@code --all-regions} into the regions to act in, checking names before
 * any call.
 */
public final class RegionResolver {
  private final RegionDirectoryPort directory;
  private Optional<String> fallbackRegion;

  public RegionResolver(RegionDirectoryPort directory) {
    this.directory = directory;
  }

  /**
   * For a run without --region: the configured region, else (asked once, and only then) the EC2
   * instance's region from instance metadata.
   */
  private Optional<String> fallbackRegion() {
    if (fallbackRegion == null) {
      fallbackRegion = directory.defaultRegion().or(directory::instanceRegion);
    }
    return fallbackRegion;
  }

  /** Offline checks only: unknown names and a missing region are usage errors (exit 2). */
  public List<String> checkNames(List<String> named, boolean all) {
    List<String> known = directory.knownRegions();
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String raw : named) {
      String region = raw.trim();
      if (region.isEmpty()) {
        continue;
      }
      if (!known.contains(region)) {
        throw UserException.usage(
            "Unknown region '"
                + region
                + "' in "
                + Input.REGION.ref()
                + "."
                + suggestion(region, known).map(s -> " Did you mean " + s + "?").orElse(""));
      }
      unique.add(region);
    }
    if (unique.isEmpty() && !all && fallbackRegion().isEmpty()) {
      throw UserException.usage(
          "No region given: pass "
              + Input.REGION.ref()
              + " REGION or "
              + Input.ALL_REGIONS.ref()
              + ", or set AWS_REGION or a region in your AWS profile.");
    }
    return List.copyOf(unique);
  }

  /** Resolves the regions, calling EC2 DescribeRegions once. */
  public RegionSelection resolve(List<String> named, boolean all) {
    List<String> explicit = checkNames(named, all);
    if (all) {
      return allEnabled();
    }
    List<String> regions = explicit.isEmpty() ? List.of(fallbackRegion().orElseThrow()) : explicit;
    return checkEnabled(regions);
  }

  private RegionSelection allEnabled() {
    String callRegion = directory.defaultRegion().orElse("us-east-1");
    try {
      AccountRegions account = directory.describeRegions(callRegion);
      return new RegionSelection(
          sorted(account.enabled()), sorted(account.notOptedIn()), Map.of(), List.of());
    } catch (AwsCallException e) {
      if (e.kind() != AwsCallException.Kind.ACCESS_DENIED) {
        throw e;
      }
      List<String> fallback = sorted(directory.guardDutyRegions(callRegion));
      return new RegionSelection(
          fallback,
          List.of(),
          Map.of(),
          List.of(
              "ec2:DescribeRegions was denied, so the enabled regions are unknown: acting in the "
                  + fallback.size()
                  + " regions where the SDK lists GuardDuty; regions not enabled for this account will fail."
                  + " Allow ec2:DescribeRegions to skip them."));
    }
  }

  private RegionSelection checkEnabled(List<String> regions) {
    AccountRegions account;
    try {
      // The user's own first region: its partition is the credentials' (a profile's region may not
      // be).
      account = directory.describeRegions(regions.get(0));
    } catch (AwsCallException e) {
      if (e.kind() == AwsCallException.Kind.NO_CREDENTIALS) {
        throw e;
      }
      // Not being able to check is no reason to stop: a region that is not enabled fails on its own
      // call.
      return new RegionSelection(regions, List.of(), Map.of(), List.of());
    }
    List<String> usable = new ArrayList<>();
    Map<String, String> unusable = new LinkedHashMap<>();
    for (String region : regions) {
      if (account.enabled().contains(region)) {
        usable.add(region);
      } else {
        unusable.put(
            region,
            "region "
                + region
                + " is not enabled for this account"
                + (account.notOptedIn().contains(region)
                    ? " (it is an opt-in region: enable it under Account settings, or leave it out)"
                    : ""));
      }
    }
    return new RegionSelection(usable, List.of(), unusable, List.of());
  }

  private static List<String> sorted(List<String> regions) {
    return regions.stream().sorted(Comparator.naturalOrder()).toList();
  }

  private static Optional<String> suggestion(String region, List<String> known) {
    int best =
        known.stream()
            .mapToInt(k -> Suggestion.distance(k, region))
            .min()
            .orElse(Integer.MAX_VALUE);
    if (best > 2) {
      return Optional.empty();
    }
    return Optional.of(
        String.join(
            " or ",
            known.stream().filter(k -> Suggestion.distance(k, region) == best).sorted().toList()));
  }
}
