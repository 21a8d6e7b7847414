package dev.irctl.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags every AWS command shares: where to act and with which credentials. */
public final class AwsOptions {
  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "AWS profile from ~/.aws/config (default: the SDK's default chain).")
  String profile;

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
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Send every AWS call to this endpoint (an AWS-compatible emulator).")
  String endpointUrl;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings file (default: irctl.yaml in the working directory, if present). Flags override it.")
  String configFile;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "8",
      description = "Regions in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency = 8;

  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

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

  public boolean allRegions() {
    return allRegions;
  }

  public int concurrency() {
    return concurrency;
  }

  /** The endpoint override, checked here so a typo is a usage error before any call. */
  public Optional<URI> endpoint() {
    if (endpointUrl == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(endpointUrl);
      if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
        throw new URISyntaxException(
            endpointUrl, "expected http://host[:port] or https://host[:port]");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw dev.irctl.UserException.usage(
          "--endpoint-url " + endpointUrl + " is not a valid URL: expected http(s)://host[:port].");
    }
  }

  /** Checks the flags that do not need AWS: called before any call is made. */
  public void validate() {
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
    endpoint();
  }
}
