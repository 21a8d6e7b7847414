package dev.irctl.engine.region;

import java.util.List;
import java.util.Map;

/**
 * The regions a command acts in, the account's regions left out because they are not opted in,
 * regions the user named that the account cannot use (each fails with its reason), and warnings to
 * print.
 */
public record RegionSelection(
    List<String> regions,
    List<String> notOptedIn,
    Map<String, String> unusable,
    List<String> warnings) {
  public RegionSelection {
    regions = List.copyOf(regions);
    notOptedIn = List.copyOf(notOptedIn);
    unusable = Map.copyOf(unusable);
    warnings = List.copyOf(warnings);
  }
}
