package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventChunksTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void cutsOnlyAtANewlineBetweenAClosedAndAnOpenedObject() {
    assertThat(EventChunks.cut(bytes("{\"a\":1}\n{\"b\":2}"), 15)).isEqualTo(8);
    assertThat(EventChunks.cut(bytes("{\"a\":1} \r\n  {\"b\":2}"), 19)).isEqualTo(10);
    // Inside an array the objects are separated by a comma: no cut.
    assertThat(EventChunks.cut(bytes("[{\"a\":1},\n{\"b\":2}]"), 18)).isEqualTo(-1);
    // A pretty-printed object: newlines everywhere, none between root values.
    assertThat(EventChunks.cut(bytes("{\n  \"a\": {\n    \"b\": 1\n  }\n}"), 27)).isEqualTo(-1);
  }

  @Test
  void chunksTogetherAreTheInputAndEachEndsBetweenRootValues() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append("{\"n\":").append(i).append(",\"s\":\"x}\\n{\"}\n");
    }
    EventChunks chunks = new EventChunks(new ByteArrayInputStream(bytes(text.toString())), 100);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    int count = 0;
    for (EventChunks.Piece piece = chunks.next(); piece != null; piece = chunks.next()) {
      assertThat(piece.rest()).isNull();
      String chunk = new String(piece.bytes(), 0, piece.length(), StandardCharsets.UTF_8);
      assertThat(chunk).startsWith("{\"n\":").endsWith("}\n");
      joined.write(piece.bytes(), 0, piece.length());
      count++;
    }
    assertThat(joined.toString(StandardCharsets.UTF_8)).isEqualTo(text.toString());
    assertThat(count).isGreaterThan(20);
  }

  /** A CloudTrail log file of small records, pretty-printed: no cut anywhere. */
  private static String logFile(int records) {
    StringBuilder text = new StringBuilder("{\"Records\": [\n");
    for (int i = 0; i < records; i++) {
      text.append(i == 0 ? "" : ",\n").append("{\"n\": ").append(i).append('}');
    }
    return text.append("\n]}\n").toString();
  }

  @Test
  void aLogFileWithNoCutIsOnePieceUpToThirtyTwoChunks() throws IOException {
    String text = logFile(100);
    assertThat(text.length()).isBetween(1_000, 32 * 100);
    EventChunks chunks = new EventChunks(new ByteArrayInputStream(bytes(text)), 100);

    EventChunks.Piece piece = chunks.next();

    assertThat(piece.rest()).isNull();
    assertThat(new String(piece.bytes(), 0, piece.length(), StandardCharsets.UTF_8))
        .isEqualTo(text);
    assertThat(chunks.next()).isNull();
  }

  @Test
  void anyOtherInputWithNoCutInItsFirstChunkIsHandedBackWholeAsAStream() throws IOException {
    String longLogFile = logFile(400);
    assertThat(longLogFile.length()).isGreaterThan(32 * 100);
    String prettyArray = "[\n" + logFile(100).substring(15).replace("\n]}", "\n]");
    for (String text : List.of(longLogFile, prettyArray)) {
      EventChunks chunks = new EventChunks(new ByteArrayInputStream(bytes(text)), 100);

      EventChunks.Piece piece = chunks.next();

      assertThat(piece.bytes()).isNull();
      assertThat(new String(piece.rest().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
      assertThat(chunks.next()).isNull();
    }
  }

  @Test
  void onlyARecordsArrayAsFirstMemberMakesALogFile() {
    for (String start : List.of("{\"Records\":[", " {\n \"Records\" :\t[ {")) {
      assertThat(EventChunks.isRecordsFile(bytes(start), start.length())).as(start).isTrue();
    }
    for (String start :
        List.of("{\"Events\":[", "{\"a\":1,\"Records\":[", "[{\"Records\":[", "{\"Records\":{")) {
      assertThat(EventChunks.isRecordsFile(bytes(start), start.length())).as(start).isFalse();
    }
  }
}
