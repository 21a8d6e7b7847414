package dev.irctl.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** {@link AwsOptions} plus where to act: the flags of every command that works region by region. */
public final class RegionalAwsOptions extends AwsOptions {
  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "Region to act in; repeatable or comma-separated (default: the profile's region).")
  List<String> regions = new ArrayList<>();

  @Option(
      names = "--all-regions",
      description = "Every region enabled for this account (EC2 DescribeRegions).")
  boolean allRegions;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "8",
      description = "Regions in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency = 8;

  /**
   * The regions named, split at commas here rather than by picocli, which drops empty parts: {@code
   * --region ,} must be an error, not the default region.
   */
  public List<String> regions() {
    return regions.stream()
        .flatMap(v -> Arrays.stream(v.split(",", -1)))
        .map(String::trim)
        .toList();
  }

  @Override
  protected List<String> namedRegions() {
    return regions().stream().filter(r -> !r.isEmpty()).toList();
  }

  public boolean allRegions() {
    return allRegions;
  }

  @Override
  public int concurrency() {
    return concurrency;
  }

  /** Checks the flags that do not need AWS: called before any call is made. */
  @Override
  public void validate() {
    super.validate();
    if (concurrency < 1 || concurrency > 64) {
      throw dev.irctl.UserException.usage(
          "--concurrency must be between 1 and 64, got " + concurrency + ".");
    }
    for (String value : regions) {
      if (Arrays.stream(value.split(",", -1)).anyMatch(String::isBlank)) {
        throw dev.irctl.UserException.usage(
            "--region '"
                + value
                + "' has an empty region name: give names such as --region us-east-1,eu-west-1.");
      }
    }
    if (allRegions && !regions.isEmpty()) {
      throw dev.irctl.UserException.usage("Use either --region or --all-regions, not both.");
    }
  }
}
