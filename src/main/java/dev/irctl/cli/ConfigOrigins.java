package dev.irctl.cli;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which flags of this run came from the config file, and from which key and line: an error about
 * such a flag names the file, the line and the key, since the user never typed the flag.
 */
final class ConfigOrigins {
  private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9-]*");

  private volatile Map<String, String> byFlag = Map.of();

  void set(Map<String, String> originByFlag) {
    byFlag = Map.copyOf(originByFlag);
  }

  /** The origins of the run this command line belongs to (none outside irctl's own root). */
  static ConfigOrigins of(CommandLine commandLine) {
    Object root = commandLine.getCommandSpec().root().userObject();
    return root instanceof IrctlCommand irctl ? irctl.configOrigins() : new ConfigOrigins();
  }

  /** {@code FILE line N: KEY} when this option's value came from the file. */
  Optional<String> of(ArgSpec arg) {
    if (arg instanceof OptionSpec option) {
      for (String name : option.names()) {
        if (byFlag.containsKey(name)) {
          return Optional.of(byFlag.get(name));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The message with the file, line and key in front when the first flag it names came from the
   * file; unchanged otherwise.
   */
  String locate(String message) {
    if (message == null) {
      return null;
    }
    Matcher matcher = FLAG.matcher(message);
    if (matcher.find() && byFlag.containsKey(matcher.group())) {
      return byFlag.get(matcher.group()) + ": " + message;
    }
    return message;
  }
}
