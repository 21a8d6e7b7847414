package dev.irctl.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns irctl.yaml into command-line arguments for one command, so the file and the flags go
 * through the same parsing and checks. A key is used only when the command has its flag and the
 * user did not give that flag (or its opposite) on the command line: flags override the file.
 */
public final class ConfigArguments {
  public static final String DEFAULT_FILE = "irctl.yaml";

  private ConfigArguments() {}

  /**
   * The config file to use: {@code --config FILE} from the arguments, else irctl.yaml or irctl.json
   * in the working directory, else none.
   */
  public static Optional<Path> locate(List<String> args, Path workingDirectory) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--config") && i + 1 < args.size()) {
        return Optional.of(Path.of(args.get(i + 1)));
      }
      if (arg.startsWith("--config=")) {
        return Optional.of(Path.of(arg.substring("--config=".length())));
      }
    }
    for (String name : List.of(DEFAULT_FILE, "irctl.yml", "irctl.json")) {
      Path candidate = workingDirectory.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The arguments the file adds for a command that accepts the flags {@code hasFlag} says it has,
   * given the arguments the user typed.
   */
  public static List<String> forCommand(
      ConfigFile file, Predicate<String> hasFlag, List<String> userArgs) {
    return expand(file, hasFlag, userArgs).arguments();
  }

  /**
   * The arguments the file adds, and for each flag it added where that came from ({@code irctl.yaml
   * line 3: guardduty.findingFrequency}), so an error about the flag can name the key.
   */
  public static Expansion expand(
      ConfigFile file, Predicate<String> hasFlag, List<String> userArgs) {
    List<String> added = new ArrayList<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : file.values().entrySet()) {
      ConfigKey key = ConfigKeys.find(entry.getKey()).orElseThrow();
      String flag = key.flag() != null ? key.flag() : key.negatedFlag();
      if (!hasFlag.test(flag)
          || given(userArgs, key.flag())
          || given(userArgs, key.negatedFlag())) {
        continue;
      }
      added.addAll(arguments(file, key, entry.getValue()));
      String origin = file.origin(key.path());
      for (String f : new String[] {key.flag(), key.negatedFlag()}) {
        if (f != null) {
          origins.putIfAbsent(f, origin);
        }
      }
    }
    return new Expansion(added, origins);
  }

  /** What {@link #expand} adds: the arguments, and the key each added flag stands for. */
  public record Expansion(List<String> arguments, Map<String, String> originByFlag) {
    public Expansion {
      arguments = List.copyOf(arguments);
      originByFlag = Map.copyOf(originByFlag);
    }
  }

  private static boolean given(List<String> args, String flag) {
    return flag != null && args.stream().anyMatch(a -> a.equals(flag) || a.startsWith(flag + "="));
  }

  private static List<String> arguments(ConfigFile file, ConfigKey key, JsonNode value) {
    String name = key.path();
    return switch (key.type()) {
      case STRING -> List.of(key.flag(), scalar(file, name, value));
      case INTEGER -> {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
          throw file.error(name, "must be a whole number, got " + value);
        }
        yield List.of(key.flag(), value.asText());
      }
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          throw file.error(name, "must be true or false, got " + value);
        }
        String flag = value.asBoolean() ? key.flag() : key.negatedFlag();
        yield flag == null ? List.of() : List.of(flag);
      }
      case STRING_LIST -> repeat(key.flag(), strings(file, name, value));
      case REGIONS -> {
        if (value.isTextual() && value.asText().equals("all")) {
          yield List.of(key.negatedFlag());
        }
        if (!value.isArray()) {
          throw file.error(name, "must be 'all' or a list of region names, got " + value);
        }
        yield List.of(key.flag(), String.join(",", strings(file, name, value)));
      }
      case SWITCHES -> {
        if (!value.isObject()) {
          throw file.error(
              name, "must map each name to true or false, e.g. RDS_LOGIN_EVENTS: true");
        }
        List<String> args = new ArrayList<>();
        value
            .fields()
            .forEachRemaining(
                e -> {
                  if (!e.getValue().isBoolean()) {
                    throw file.error(
                        name + "." + e.getKey(), "must be true or false, got " + e.getValue());
                  }
                  args.add(e.getValue().asBoolean() ? key.flag() : key.negatedFlag());
                  args.add(e.getKey());
                });
        yield args;
      }
      case PARAMETERS -> {
        if (!value.isObject()) {
          throw file.error(name, "must map each parameter name to a value or a list of values");
        }
        List<String> args = new ArrayList<>();
        value
            .fields()
            .forEachRemaining(
                e -> {
                  String item = name + "." + e.getKey();
                  String joined =
                      e.getValue().isArray()
                          ? String.join(",", strings(file, item, e.getValue()))
                          : scalar(file, item, e.getValue());
                  args.add(key.flag());
                  args.add(e.getKey() + "=" + joined);
                });
        yield args;
      }
    };
  }

  private static String scalar(ConfigFile file, String name, JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      throw file.error(
          name, "must be a single value, got " + (value.isNull() ? "nothing" : value.toString()));
    }
    return value.asText();
  }

  private static List<String> strings(ConfigFile file, String name, JsonNode value) {
    if (!value.isArray()) {
      throw file.error(
          name, "must be a list, e.g. " + name.substring(name.lastIndexOf('.') + 1) + ": [a, b]");
    }
    List<String> items = new ArrayList<>();
    value.forEach(item -> items.add(scalar(file, name, item)));
    return items;
  }

  private static List<String> repeat(String flag, List<String> values) {
    List<String> args = new ArrayList<>();
    values.forEach(v -> args.addAll(Arrays.asList(flag, v)));
    return args;
  }
}
