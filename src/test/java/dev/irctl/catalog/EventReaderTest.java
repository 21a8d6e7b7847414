package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.UserException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class EventReaderTest {
  private static final String RECORD_1 =
      TestEvents.record("iam.amazonaws.com", "CreateAccessKey").toString();
  private static final String RECORD_2 =
      TestEvents.record("signin.amazonaws.com", "ConsoleLogin")
          .put("eventType", "AwsConsoleSignIn")
          .toString();
  private static final String FINDING = TestEvents.guardDutyFinding(7.5).toString();

  @Test
  void singleEnvelopeIsReadAsIs() {
    assertThat(read(FINDING))
        .singleElement()
        .satisfies(e -> assertThat(e.path("detail-type").asText()).isEqualTo("GuardDuty Finding"));
  }

  @Test
  void singleCloudTrailRecordIsWrapped() {
    assertThat(read(RECORD_1))
        .singleElement()
        .satisfies(e -> assertThat(e.path("source").asText()).isEqualTo("aws.iam"))
        .satisfies(
            e -> assertThat(e.at("/detail/eventName").asText()).isEqualTo("CreateAccessKey"));
  }

  @Test
  void jsonArrayOfMixedEvents() {
    assertThat(read("[" + RECORD_1 + "," + FINDING + "," + RECORD_2 + "]"))
        .extracting(e -> e.path("source").asText())
        .containsExactly("aws.iam", "aws.guardduty", "aws.signin");
  }

  @Test
  void jsonLines() {
    List<JsonNode> events = read(RECORD_1 + "\n" + RECORD_2 + "\n\n" + FINDING + "\n");

    assertThat(events)
        .extracting(e -> e.path("detail-type").asText())
        .containsExactly(
            "AWS API Call via CloudTrail",
            "AWS Console Sign In via CloudTrail",
            "GuardDuty Finding");
  }

  @Test
  void cloudTrailLogFileIsStreamedFromItsRecordsArray() {
    List<JsonNode> events =
        read(
            "{\"Records\":["
                + RECORD_1
                + ","
                + RECORD_2
                + "],\"digest\":{\"x\":[1,2]}}\n{\"Records\":["
                + RECORD_1
                + "]}");

    assertThat(events)
        .extracting(e -> e.at("/detail/eventName").asText())
        .containsExactly("CreateAccessKey", "ConsoleLogin", "CreateAccessKey");
  }

  @Test
  void recordsArrayAfterOtherFieldsIsFoundToo() {
    assertThat(read("{\"meta\":{\"n\":2},\"Records\":[" + RECORD_1 + "," + RECORD_2 + "]}"))
        .hasSize(2);
  }

  @Test
  void gzippedCloudTrailLogFile() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(
          ("{\"Records\":[" + RECORD_1 + "," + RECORD_2 + "]}").getBytes(StandardCharsets.UTF_8));
    }

    assertThat(read(new ByteArrayInputStream(bytes.toByteArray()))).hasSize(2);
  }

  @Test
  void lookupEventsOutputIsUnwrapped() {
    String lookup =
        "{\"Events\":[{\"EventId\":\"1\",\"EventName\":\"ConsoleLogin\",\"CloudTrailEvent\":"
            + TestEvents.MAPPER.valueToTree(RECORD_2).toString()
            + "}]}";

    assertThat(read(lookup))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.path("detail-type").asText())
                    .isEqualTo("AWS Console Sign In via CloudTrail"));
  }

  @Test
  void emptyInputHasNoEvents() {
    assertThat(read("  \n")).isEmpty();
    assertThat(read("[]")).isEmpty();
    assertThat(read("{\"Records\":[]}")).isEmpty();
  }

  @Test
  void malformedJsonNamesInputLineAndColumn() {
    assertThatThrownBy(() -> read(RECORD_1 + "\n{\"eventName\": }"))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("events.json: malformed JSON at line 2, column 15");
  }

  @Test
  void aValueThatIsNotAnObjectIsAUsageError() {
    assertThatThrownBy(() -> read("[" + RECORD_1 + ", 42]"))
        .hasMessageContaining("events.json: expected an event (a JSON object) at line 1")
        .hasMessageContaining("found a number");
  }

  @Test
  void truncatedArrayIsReported() {
    assertThatThrownBy(() -> read("[" + RECORD_1 + ","))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("events.json");
  }

  @Test
  void streamsWithoutReadingAheadOfTheConsumer() {
    // A huge Records array is consumed one element at a time: the first event is available long
    // before the end.
    StringBuilder log = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < 20_000; i++) {
      log.append(i == 0 ? "" : ",").append(RECORD_1);
    }
    log.append("]}");
    CountingStream in = new CountingStream(log.toString().getBytes(StandardCharsets.UTF_8));

    try (EventReader reader = EventReader.open(in, "big.json")) {
      assertThat(reader.next()).isNotNull();
      assertThat(in.consumed()).isLessThan(log.length() / 10);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<JsonNode> read(String text) {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<JsonNode> read(InputStream in) {
    List<JsonNode> events = new ArrayList<>();
    try (EventReader reader = EventReader.open(in, "events.json")) {
      for (JsonNode e = reader.next(); e != null; e = reader.next()) {
        events.add(e);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return events;
  }

  private static final class CountingStream extends ByteArrayInputStream {
    CountingStream(byte[] bytes) {
      super(bytes);
    }

    int consumed() {
      return pos;
    }
  }
}
