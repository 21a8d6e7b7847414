package dev.irctl.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Parses one rule file's bytes, turning Jackson's errors into a message that names the file, line
 * and column.
 */
final class RuleFileParser {
  /** Strict: a key given twice in a rule file is a mistake, not "last one wins". */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private RuleFileParser() {}

  /** The document, or a {@link RuleFileException} saying where the JSON is malformed. */
  static JsonNode parse(RuleFile file) {
    try {
      JsonNode node = MAPPER.readTree(file.content());
      if (node == null || node.isMissingNode()) {
        throw new RuleFileException(file.name() + ": the file is empty; expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RuleFileException(
          file.name()
              + ": malformed JSON "
              + where(e.getLocation())
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RuleFileException(file.name() + ": cannot be read: " + e.getMessage());
    }
  }

  private static String where(JsonLocation location) {
    if (location == null) {
      return "";
    }
    return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
