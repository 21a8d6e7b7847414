package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replays recorded events against compiled rules: streams each input, one event at a time, and reports which rules
 * would fire. Memory stays flat however long the input is.
 */
public final class EventReplay {
  /** Receives every event in input order; {@code index} counts from 1 within its input. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(String input, long index, JsonNode event, List<String> ruleIds);
  }

  public record Summary(long events, long matchedEvents, Set<String> rulesFired) {}

  private final CatalogMatcher matcher;

  public EventReplay(CatalogMatcher matcher) {
    this.matcher = matcher;
  }

  public Summary run(List<EventInput> inputs, Listener listener) {
    long events = 0;
    long matched = 0;
    Set<String> fired = new TreeSet<>();
    for (EventInput input : inputs) {
      try (EventReader reader = input.reader()) {
        long index = 0;
        for (JsonNode event = reader.next(); event != null; event = reader.next()) {
          List<String> ids = matcher.matches(event);
          listener.onEvent(input.name(), ++index, event, ids);
          events++;
          if (!ids.isEmpty()) {
            matched++;
            fired.addAll(ids);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Summary(events, matched, fired);
  }
}
