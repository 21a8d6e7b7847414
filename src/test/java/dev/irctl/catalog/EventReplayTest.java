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
            (name, index, event) ->
                seen.add(name + ":" + index + ":" + event.name() + ":" + event.ruleIds()));

    assertThat(seen).hasSize(1001);
    assertThat(seen.get(3)).isEqualTo("a:4:GuardDuty Finding:[]");
    assertThat(seen.get(4)).isEqualTo("a:5:GuardDuty Finding:[guardduty-finding-medium-up]");
    assertThat(seen.get(1000)).isEqualTo("b:1:GuardDuty Finding:[guardduty-finding-medium-up]");
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
                    List.of(input("bad.jsonl", text)), (name, index, event) -> seen.add(index)))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("bad.jsonl: malformed JSON at line 3");
    assertThat(seen).containsExactly(1L, 2L);
  }

  /** JSON lines, multi-line objects, a root array and a Records wrapper, one after the other. */
  private static String mixedInput() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append(TestEvents.guardDutyFinding(i % 10)).append('\n');
      text.append(TestEvents.record("iam.amazonaws.com", i % 2 == 0 ? "CreateUser" : "GetUser"))
          .append('\n');
      if (i % 50 == 0) {
        text.append(TestEvents.guardDutyFinding(8).toPrettyString()).append('\n');
        text.append("[\n").append(TestEvents.guardDutyFinding(7)).append(",\n");
        text.append(TestEvents.guardDutyFinding(2)).append("\n]\n");
        text.append("{\"Records\": [\n")
            .append(TestEvents.record("ec2.amazonaws.com", "RunInstances"))
            .append(",\n")
            .append(TestEvents.record("iam.amazonaws.com", "DeleteUser"))
            .append("\n]}\n");
      }
    }
    return text.toString();
  }

  /** What one reader over the whole input and the matcher give: the reference. */
  private static List<String> singlePass(CatalogMatcher matcher, String text) {
    List<String> seen = new ArrayList<>();
    try (EventReader reader =
        EventReader.open(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            "in",
            matcher.fieldFilter())) {
      long index = 0;
      for (var event = reader.next(); event != null; event = reader.next()) {
        seen.add(++index + ":" + ReplayedEvent.of(event, matcher.machineMatches(event)));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (UserException e) {
      seen.add(e.getMessage());
    }
    return seen;
  }

  private static List<String> replayed(CatalogMatcher matcher, String text, int chunkSize) {
    List<String> seen = new ArrayList<>();
    try {
      new EventReplay(matcher, 2, chunkSize)
          .run(List.of(input("in", text)), (name, index, event) -> seen.add(index + ":" + event));
    } catch (UserException e) {
      seen.add(e.getMessage());
    }
    return seen;
  }

  @Test
  void chunksParsedInParallelGiveWhatOnePassGives() {
    CatalogMatcher matcher = CatalogMatcher.forExamples(TestCatalogs.load("valid").rules());
    String text = mixedInput();
    List<String> expected = singlePass(matcher, text);

    assertThat(expected).hasSizeGreaterThan(600);
    for (int chunkSize : new int[] {64, 700, 5000, 1 << 20}) {
      assertThat(replayed(matcher, text, chunkSize))
          .as("chunks of %d", chunkSize)
          .isEqualTo(expected);
    }
  }

  /** A CloudTrail log file of {@code count} records, one line as CloudTrail writes it. */
  private static String logFile(int count) {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(
          TestEvents.record("iam.amazonaws.com", i % 3 == 0 ? "CreateAccessKey" : "GetUser")
              .toString());
    }
    return "{\"Records\":[" + String.join(",", records) + "]}\n";
  }

  @Test
  void cloudTrailLogFilesGiveWhatOnePassGivesReadWholeOrAsAStream() {
    CatalogMatcher matcher = CatalogMatcher.forExamples(TestCatalogs.load("valid").rules());
    // Chunks of 700 bytes: a file of 20 records (about 12 KB) is read whole, one of 100 (60 KB)
    // is past 32 chunks and streams; then JSON lines after a log file, and two log files in a row.
    for (String text :
        List.of(
            logFile(20),
            logFile(100),
            logFile(20) + mixedInput(),
            logFile(20) + logFile(3),
            logFile(20).replace("]}", "],\"more\":{\"a\":[1,2]}}"))) {
      List<String> expected = singlePass(matcher, text);
      assertThat(expected).hasSizeGreaterThanOrEqualTo(20);
      assertThat(replayed(matcher, text, 700)).isEqualTo(expected);
      assertThat(replayed(matcher, text, 1 << 20)).isEqualTo(expected);
    }
  }

  @Test
  void aBrokenLogFileFailsAsOnePassFails() {
    CatalogMatcher matcher = CatalogMatcher.forExamples(TestCatalogs.load("valid").rules());
    String text = logFile(20).replace("},{", "} {");
    List<String> expected = singlePass(matcher, text);
    assertThat(expected.get(expected.size() - 1)).startsWith("in: malformed JSON");
    assertThat(replayed(matcher, text, 700)).isEqualTo(expected);
  }

  @Test
  void malformedInputFailsWhereOnePassFailsWithTheSameMessage() {
    CatalogMatcher matcher = CatalogMatcher.forExamples(TestCatalogs.load("valid").rules());
    String text = mixedInput();
    int middle = text.indexOf('\n', text.length() / 2) + 1;
    List<String> broken =
        List.of(
            // A broken line deep in the input: its line number counts every chunk before it.
            text.substring(0, middle) + "{broken\n" + text.substring(middle),
            // A cut that is not between root values: "}\n{" inside an array is invalid JSON.
            text.substring(0, middle)
                + "[\n"
                + TestEvents.guardDutyFinding(5)
                + "\n"
                + TestEvents.guardDutyFinding(6)
                + "\n]\n"
                + text.substring(middle),
            // Truncated inside an array.
            text + "[\n" + TestEvents.guardDutyFinding(5) + ",\n");
    for (String input : broken) {
      List<String> expected = singlePass(matcher, input);
      assertThat(expected.get(expected.size() - 1)).startsWith("in: ");
      for (int chunkSize : new int[] {64, 700, 5000}) {
        assertThat(replayed(matcher, input, chunkSize))
            .as("chunks of %d", chunkSize)
            .isEqualTo(expected);
      }
    }
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
                    (name, index, event) -> {
                      throw new IllegalStateException("stdout closed");
                    }))
        .hasMessage("stdout closed");
  }
}
