package dev.irctl.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** JSON on stdout: pretty for documents ({@code --output json}), compact for JSON lines. */
public final class JsonOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
  private static final ObjectWriter COMPACT = MAPPER.writer();

  private JsonOutput() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static void print(PrintWriter out, JsonNode node) {
    out.println(pretty(node));
    out.flush();
  }

  public static String pretty(JsonNode node) {
    return write(PRETTY, node);
  }

  /** One line, for JSON lines output. */
  public static String compact(JsonNode node) {
    return write(COMPACT, node);
  }

  private static String write(ObjectWriter writer, JsonNode node) {
    try {
      return writer.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
