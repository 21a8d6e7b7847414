package dev.irctl.cli;

import dev.irctl.config.ConfigArguments;
import dev.irctl.config.ConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Adds the config file's settings to the arguments of the command being run, right after the
 * command's name, for commands that take {@code --config}. Flags the user typed win.
 */
final class ConfigExpansion {
  private ConfigExpansion() {}

  static String[] expand(CommandLine root, String[] args, Path workingDirectory) {
    List<String> all = Arrays.asList(args);
    CommandLine command = root;
    int position = 0;
    while (position < args.length && command.getSubcommands().containsKey(args[position])) {
      command = command.getSubcommands().get(args[position]);
      position++;
    }
    CommandLine.Model.CommandSpec spec = command.getCommandSpec();
    if (spec.findOption("--config") == null) {
      return args;
    }
    Optional<Path> path = ConfigArguments.locate(all, workingDirectory);
    if (path.isEmpty()) {
      return args;
    }
    List<String> userArgs = all.subList(position, args.length);
    ConfigArguments.Expansion expansion =
        ConfigArguments.expand(
            ConfigFile.read(path.get()),
            // Only the flags this command takes: a shared file's regions never reach a global
            // command such as install-policy, which has no region flags.
            flag -> spec.findOption(flag) != null,
            userArgs);
    ConfigOrigins.of(root).set(expansion.originByFlag());
    List<String> added = expansion.arguments();
    List<String> expanded = new ArrayList<>(all.subList(0, position));
    expanded.addAll(added);
    expanded.addAll(userArgs);
    return expanded.toArray(String[]::new);
  }
}
