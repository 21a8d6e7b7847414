package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.UserException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventReplayTest {
  private final EventReplay replay =
      new EventReplay(CatalogMatcher.forExamples(TestCatalogs.load("valid").rules()));

  private static EventInput input(String name, String text) {
    return new EventInput(
        name, () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void reportsEveryEventInOrderWithAnIndexPerInput() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      many.append(TestEvents.guardDutyFinding(i % 10)).append('\n');
    }
    List<String> seen = new ArrayList<>();

    EventReplay.Summary summary =
        replay.run(
            List.of(
                input("a", many.toString()), input("b", TestEvents.guardDutyFinding(9).toString())),
            (name, index, event, ids) ->
                seen.add(
                    name + ":" + index + ":" + event.at("/detail/severity").asInt() + ":" + ids));

    assertThat(seen).hasSize(1001);
    assertThat(seen.get(3)).isEqualTo("a:4:3:[]");
    assertThat(seen.get(4)).isEqualTo("a:5:4:[guardduty-finding-medium-up]");
    assertThat(seen.get(1000)).isEqualTo("b:1:9:[guardduty-finding-medium-up]");
    assertThat(summary.events()).isEqualTo(1001);
    assertThat(summary.matchedEvents()).isEqualTo(601);
    assertThat(summary.rulesFired()).containsExactly("guardduty-finding-medium-up");
  }

  @Test
  void aBrokenInputFailsAfterTheEventsBeforeIt() {
    List<Long> seen = new ArrayList<>();
    String text =
        TestEvents.guardDutyFinding(5) + "\n" + TestEvents.guardDutyFinding(6) + "\n{broken\n";

    assertThatThrownBy(
            () ->
                replay.run(
                    List.of(input("bad.jsonl", text)),
                    (name, index, event, ids) -> seen.add(index)))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("bad.jsonl: malformed JSON at line 3");
    assertThat(seen).containsExactly(1L, 2L);
  }

  @Test
  void aFailingListenerStopsTheReader() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      many.append(TestEvents.guardDutyFinding(5)).append('\n');
    }

    assertThatThrownBy(
            () ->
                replay.run(
                    List.of(input("x", many.toString())),
                    (name, index, event, ids) -> {
                      throw new IllegalStateException("stdout closed");
                    }))
        .hasMessage("stdout closed");
  }
}
