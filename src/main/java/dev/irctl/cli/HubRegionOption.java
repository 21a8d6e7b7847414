package dev.irctl.cli;

import dev.irctl.UserException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one region org commands administer and read the member stack sets in, and where the hub bus
 * is: {@code --hub-region} for org plan, apply, remove and status alike (and {@code
 * alerts.hubRegion} in irctl.yaml fills it for all of them), resolved by one rule, so status reads
 * the stack sets where apply put them. Without the flag it is the one --region named; with several
 * regions irctl does not guess from their order, which two commands could give differently.
 */
@Command
final class HubRegionOption {
  static final String FLAG = "--hub-region";

  @Option(
      names = FLAG,
      paramLabel = "REGION",
      description =
          "The region of the hub bus (this account's default bus, where members forward) and"
              + " where the member stack sets are administered; the same for org plan, apply,"
              + " remove and status (irctl.yaml: alerts.hubRegion). Default: the --region, when"
              + " only one is named.")
  String hubRegion;

  /** The old org status flag: kept only to say what replaced it. */
  @Option(names = "--stack-set-region", hidden = true, paramLabel = "REGION")
  String stackSetRegion;

  String resolve(RegionalAwsOptions aws) {
    if (stackSetRegion != null) {
      throw UserException.usage(
          "--stack-set-region was replaced by "
              + FLAG
              + ", which org plan, apply and remove use too, so status reads the stack sets where"
              + " apply administers them: use "
              + FLAG
              + " "
              + stackSetRegion
              + ".");
    }
    if (hubRegion != null) {
      if (!hubRegion.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
        throw UserException.usage(
            FLAG + " " + hubRegion + ": not a region name such as eu-west-1.");
      }
      return hubRegion;
    }
    List<String> named = aws.regions().stream().filter(r -> !r.isEmpty()).toList();
    if (named.size() != 1) {
      throw UserException.usage(
          "name the hub region with "
              + FLAG
              + " (or alerts.hubRegion in irctl.yaml): the member stack sets are administered"
              + " and read there and members forward to its bus"
              + (named.isEmpty()
                  ? "."
                  : "; with several --region values irctl does not pick one by their order.")
              + " Use the same value for org plan, apply, remove and status.");
    }
    return named.get(0);
  }
}
