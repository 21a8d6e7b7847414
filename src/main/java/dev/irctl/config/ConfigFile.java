package dev.irctl.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.irctl.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * irctl.yaml (or .json) read into a flat map of key path to value, each with the line it came from,
 * so every error can name the file, the key and the line.
 */
public final class ConfigFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path path;
  private final Map<String, JsonNode> values;
  private final Map<String, Integer> lines;

  private ConfigFile(Path path, Map<String, JsonNode> values, Map<String, Integer> lines) {
    this.path = path;
    this.values = values;
    this.lines = lines;
  }

  public Path path() {
    return path;
  }

  /**
   * Values by key path ({@code rules.topicName}), in file order, checked against {@link
   * ConfigKeys}.
   */
  Map<String, JsonNode> values() {
    return values;
  }

  int line(String key) {
    return lines.getOrDefault(key, 0);
  }

  UserException error(String key, String what) {
    return UserException.usage(origin(key) + " " + what);
  }

  /** {@code FILE line N: KEY}: where a key's value came from, to start an error sentence. */
  public String origin(String key) {
    return path + " line " + line(key) + ": " + key;
  }

  public static ConfigFile read(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw UserException.usage("Config file " + path + " does not exist (from --config).");
    } catch (IOException e) {
      throw UserException.usage("Config file " + path + " cannot be read: " + e.getMessage());
    }
    rejectTabs(path, text);
    JsonNode root;
    Map<String, Integer> lines = new HashMap<>();
    try {
      root = YAML.readTree(text);
      recordLines(path, text, lines);
    } catch (JsonProcessingException e) {
      throw notYaml(path, e);
    } catch (IOException e) {
      throw UserException.usage("Config file " + path + " cannot be read: " + e.getMessage());
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    ConfigFile file = new ConfigFile(path, values, lines);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return file;
    }
    if (!root.isObject()) {
      throw UserException.usage(path + ": the file must be a mapping of keys (see irctl init).");
    }
    flatten(file, "", root, values);
    return file;
  }

  private static void flatten(
      ConfigFile file, String prefix, JsonNode node, Map<String, JsonNode> values) {
    node.fields()
        .forEachRemaining(
            entry -> {
              String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
              if (ConfigKeys.find(key).isPresent()) {
                values.put(key, entry.getValue());
              } else if (ConfigKeys.isSection(key)) {
                if (!entry.getValue().isObject()) {
                  throw file.error(key, "must be a section of keys, e.g. " + key + ": { ... }");
                }
                flatten(file, key, entry.getValue(), values);
              } else {
                throw file.error(
                    key, "is not a known key" + hint(key) + ". Run 'irctl init' to see every key.");
              }
            });
  }

  private static String hint(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    return ConfigKeys.ALL.stream()
        .map(ConfigKey::path)
        .filter(
            p ->
                p.substring(p.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT).equals(last))
        .findFirst()
        .map(p -> " (did you mean " + p + "?)")
        .orElse("");
  }

  /**
   * Walks the YAML tokens once to learn the line of every key; a key given twice in one mapping is
   * an error (YAML parsers keep the last one silently).
   */
  private static void recordLines(Path path, String text, Map<String, Integer> lines)
      throws IOException {
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          String key = pointer.substring(1).replace('/', '.');
          int line = parser.currentLocation().getLineNr();
          Integer first = lines.putIfAbsent(key, line);
          if (first != null) {
            throw UserException.usage(
                path
                    + " line "
                    + line
                    + ": "
                    + key
                    + " appears more than once (first on line "
                    + first
                    + "); keep one.");
          }
        }
      }
    }
  }

  /**
   * YAML indents with spaces only: a tab is named at its own line, not where the parser gave up.
   */
  private static void rejectTabs(Path path, String text) {
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int indent = 0;
      while (indent < line.length()
          && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
        indent++;
      }
      String rest = line.substring(indent);
      if (line.substring(0, indent).indexOf('\t') >= 0
          && !rest.isEmpty()
          && !rest.startsWith("#")) {
        throw UserException.usage(
            path
                + " line "
                + (i + 1)
                + ": a tab in the indentation; YAML indents with spaces only.");
      }
    }
  }

  /** A YAML syntax error in one sentence with the line where the problem is. */
  private static UserException notYaml(Path path, JsonProcessingException e) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    String problem = e.getOriginalMessage();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
      if (marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1;
      }
      if (marked.getProblem() != null) {
        problem = marked.getProblem();
      }
    }
    String firstLine = problem == null ? "" : problem.lines().findFirst().orElse("");
    return UserException.usage(
        path + (line > 0 ? " line " + line : "") + ": not valid YAML: " + firstLine + ".");
  }
}
