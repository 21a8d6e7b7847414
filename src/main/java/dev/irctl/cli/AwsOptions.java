package dev.irctl.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags every AWS command shares: which credentials and endpoint. Commands that act per region
 * take {@link RegionalAwsOptions}, which adds the region flags; the global ones (IAM) take these
 * only, so they have no flag they would ignore.
 */
public class AwsOptions {
  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "AWS profile from ~/.aws/config (default: the SDK's default chain).")
  String profile;

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

  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  /** Calls in flight at once: one for the global commands (IAM); see {@link RegionalAwsOptions}. */
  public int concurrency() {
    return 1;
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
    endpoint();
  }
}
