package dev.irctl.config;

import com.fasterxml.jackson.core.JsonLocation;
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
    return UserException.usage(path + " line " + line(key) + ": " + key + " " + what);
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
    JsonNode root;
    Map<String, Integer> lines = new HashMap<>();
    try {
      root = YAML.readTree(text);
      recordLines(text, lines);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw UserException.usage(
          path
              + (at == null ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr())
              + ": not valid YAML: "
              + e.getOriginalMessage());
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

  /** Walks the YAML tokens once to learn the line of every key. */
  private static void recordLines(String text, Map<String, Integer> lines) throws IOException {
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(
              pointer.substring(1).replace('/', '.'), parser.currentLocation().getLineNr());
        }
      }
    }
  }
}
