package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The rule file schema ({@code schema/rule.schema.json}, draft 2020-12), checked with networknt.
 */
final class RuleSchema {
  static final String RESOURCE = "/schema/rule.schema.json";

  private final JsonSchema schema;

  private RuleSchema(JsonSchema schema) {
    this.schema = schema;
  }

  /** Compiled once per process: compiling costs more than validating a whole catalog. */
  static RuleSchema instance() {
    return Holder.INSTANCE;
  }

  /** Problems as "at POINTER: what was expected", sorted by pointer so output is stable. */
  List<String> validate(JsonNode document) {
    return schema.validate(document).stream()
        .sorted(
            Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getError))
        .map(RuleSchema::describe)
        .distinct()
        .toList();
  }

  private static String describe(ValidationMessage message) {
    String pointer = message.getInstanceLocation().toString();
    return "at " + (pointer.isEmpty() ? "the top level" : pointer) + ": " + message.getError();
  }

  private static final class Holder {
    static final RuleSchema INSTANCE = load();

    private static RuleSchema load() {
      try (InputStream in = RuleSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the jar");
        }
        SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        return new RuleSchema(factory.getSchema(RuleFileParser.MAPPER.readTree(in), config));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
