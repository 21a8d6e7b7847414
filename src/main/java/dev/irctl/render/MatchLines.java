package dev.irctl.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.irctl.catalog.ReplayedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code rules match} output, one line per event, streamed: text ({@code INDEX TIME EVENT RULES})
 * or JSON lines. Writes through a generator rather than building a tree per event: this runs
 * 100,000 times per replay.
 */
public final class MatchLines {
  private static final JsonFactory JSON = new JsonFactory();

  private final Writer out;
  private final boolean json;
  private final boolean qualifyIndex;
  private final boolean onlyMatches;
  private final StringBuilder line = new StringBuilder(128);

  /**
   * @param qualifyIndex prefix the index with the input's name (more than one input)
   * @param onlyMatches skip events that fire no rule
   */
  public MatchLines(Writer out, boolean json, boolean qualifyIndex, boolean onlyMatches) {
    this.out = out;
    this.json = json;
    this.qualifyIndex = qualifyIndex;
    this.onlyMatches = onlyMatches;
  }

  public void write(String input, long index, ReplayedEvent event) {
    if (onlyMatches && event.ruleIds().isEmpty()) {
      return;
    }
    try {
      if (json) {
        writeJson(input, index, event);
      } else {
        writeText(input, index, event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeText(String input, long index, ReplayedEvent event) throws IOException {
    // One write a line: the writer locks and checks on every call.
    StringBuilder line = this.line;
    line.setLength(0);
    if (qualifyIndex) {
      line.append(input).append(':');
    }
    line.append(index).append("  ").append(event.time() == null ? "-" : event.time());
    line.append("  ").append(event.name()).append("  ");
    List<String> ids = event.ruleIds();
    if (ids.isEmpty()) {
      line.append('-');
    }
    for (int i = 0; i < ids.size(); i++) {
      line.append(i == 0 ? "" : ",").append(ids.get(i));
    }
    line.append('\n');
    out.append(line);
  }

  private void writeJson(String input, long index, ReplayedEvent event) throws IOException {
    JsonGenerator generator = JSON.createGenerator(out);
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    generator.writeStartObject();
    generator.writeStringField("input", input);
    generator.writeNumberField("index", index);
    generator.writeStringField("time", event.time() == null ? "" : event.time());
    generator.writeStringField("source", event.source() == null ? "" : event.source());
    generator.writeStringField("eventName", event.name());
    generator.writeArrayFieldStart("rules");
    for (String id : event.ruleIds()) {
      generator.writeString(id);
    }
    generator.writeEndArray();
    generator.writeEndObject();
    generator.close();
    out.write('\n');
  }
}
