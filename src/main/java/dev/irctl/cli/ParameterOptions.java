package dev.irctl.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --set name=value}: values for rule parameters (a stringList is comma-separated). */
public final class ParameterOptions {
  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description =
          "A rule parameter's value, e.g. --set bucketNames=a,b (lists are comma-separated); repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  public Map<String, String> settings() {
    return Map.copyOf(settings);
  }
}
