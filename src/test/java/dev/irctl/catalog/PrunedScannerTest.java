package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.UserException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scanner reads what Jackson reads or leaves the input to Jackson: on every catalog example, on
 * bare records, on edge cases of JSON's grammar and on thousands of mutated lines, whatever the
 * scanner accepts, Jackson accepts and reads into the same nodes (node types included); and where
 * the slots decide an event on their own, the tree decides the same.
 */
class PrunedScannerTest {
  private static final Catalog CATALOG = Catalog.load(CatalogSources.bundledOnly());
  private static final CatalogMatcher MATCHER = CatalogMatcher.forExamples(CATALOG.rules());

  /** Neither accepted nor rejected: left to Jackson. */
  private static final String UNCERTAIN = "uncertain";

  private static final String[] EDGE_CASES = {
    "{}",
    "{ \"detail-type\" : \"x\" , \"detail\" : { } }\r",
    "{\"detail-type\":\"x\",\"time\":null,\"source\":\"\"}",
    "{\"detail-type\":\"x\",\"detail\":{\"eventName\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}}",
    "{\"detail-type\":\"x\",\"detail\":{\"eventName\":\"caf\u00e9 \u65e5\u672c \ud83d\ude00\"}}",
    "{\"detail-type\":\"x\",\"detail\":{\"severity\":[0,-0,7,-1,0.5,-1.5e+10,1E-3,2e400,2147483647,"
        + "2147483648,-2147483649,9223372036854775807,-9223372036854775808,9223372036854775808,"
        + "123456789012345678901234567890,true,false,null,{},[],[[]],{\"a\":{}}]}}",
    "{\"detail-type\":\"x\",\"detail\":{\"eventName\":\"a\",\"eventName\":\"b\"}}",
    "{\"detail-type\":\"x\",\"detail\":{\"userIdentity\":{\"type\":\"Root\"},\"userIdentity\":{}}}",
    "{\"detail-type\":\"x\",\"detail\":[{\"eventName\":\"CreateUser\"}]}",
    "{\"detail-type\":\"x\",\"detail\":null}",
    "{\"detail-type\":\"x\",\"detail\":{\"eventName\":5,\"errorCode\":[\"AccessDenied\"]}}",
    "{\"detail-type\":[\"x\"],\"source\":[\"aws.iam\"]}",
    "{\"ev\\u0065ntSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"eventTime\":7}",
    "{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"}",
    "{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"eventType\":null}",
    "{\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
        + "\"userIdentity\":{\"type\":\"Root\"},\"eventType\":\"AwsConsoleSignIn\"}",
    "{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"userIdentity\":\"x\"}",
    "{\"unrelated\":{\"deep\":[[[[{\"x\":[1,2,{\"y\":\"z\"}]}]]]]}}",
    "{\"a\":1}{\"b\":2}",
    "{\"a\":1} {\"b\":2}\t{\"c\":3}",
    "{\"Records\":[]}",
    "{ \"Records\" : [ {\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"} ] ,"
        + " \"other\": {\"a\":[1,{\"b\":null}]} }",
    "{\"Records\":[{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"},"
        + "{\"detail-type\":\"x\"}],\"Records\":[{\"eventSource\":\"x\",\"eventName\":\"y\"}]}"
        + "{\"detail-type\":\"after the file\"}",
  };

  /** Every catalog example and its variants, compact and pretty, bare records, edge cases. */
  private static List<String> corpus() {
    List<String> lines = new ArrayList<>();
    for (JsonNode event : RulePrefilterTest.derivedEvents()) {
      lines.add(event.toString());
      if (event.path("detail").isObject() && event.path("detail").has("eventSource")) {
        lines.add(event.path("detail").toString());
      }
    }
    for (JsonNode example : CATALOG.rule("iam-access-key-changes").examples().match()) {
      lines.add(example.toPrettyString());
    }
    // CloudTrail log files of the same records, compact and pretty.
    List<String> records =
        lines.stream().filter(line -> line.startsWith("{\"eventVersion\"")).limit(300).toList();
    lines.add("{\"Records\":[" + String.join(",", records) + "]}");
    lines.add(
        "{\n  \"Records\": [\n    " + String.join(",\n    ", records.subList(0, 20)) + "\n  ]\n}");
    lines.addAll(List.of(EDGE_CASES));
    return lines;
  }

  @Test
  void readsEveryValidLineAsJacksonDoes() {
    String text = String.join("\n", corpus()) + "\n";
    for (FieldFilter filter : List.of(MATCHER.fieldFilter(), FieldFilter.ALL)) {
      List<String> jackson = jackson(text.getBytes(StandardCharsets.UTF_8), filter);
      assertThat(jackson).hasSizeGreaterThan(4_000).doesNotContain(UNCERTAIN);
      assertThat(scanned(text.getBytes(StandardCharsets.UTF_8), filter)).isEqualTo(jackson);
    }
  }

  @Test
  void whatItAcceptsOfMutatedLinesJacksonReadsTheSame() {
    Random random = new Random(11);
    List<String> corpus = corpus();
    List<String> logFiles = smallLogFiles(corpus);
    int accepted = 0;
    int uncertain = 0;
    for (int i = 0; i < 20_000; i++) {
      // One mutant in four is of a small CloudTrail log file, to reach its commas and brackets.
      List<String> from = i % 4 == 0 ? logFiles : corpus;
      byte[] line = mutate(from.get(random.nextInt(from.size())), random);
      FieldFilter filter = i % 2 == 0 ? MATCHER.fieldFilter() : FieldFilter.ALL;
      List<String> scanned = scanned(line, filter);
      if (scanned.contains(UNCERTAIN)) {
        uncertain++;
        continue;
      }
      accepted++;
      assertThat(scanned)
          .as(new String(line, StandardCharsets.UTF_8))
          .isEqualTo(jackson(line, filter));
    }
    // Not vacuous: mutants of both kinds, many of them.
    assertThat(accepted).isGreaterThan(3_000);
    assertThat(uncertain).isGreaterThan(3_000);
  }

  /** Log files of two or three short records each. */
  private static List<String> smallLogFiles(List<String> corpus) {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      files.add(
          "{\"Records\":[{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"},"
              + "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"n\":"
              + i
              + "}"
              + (i % 2 == 0 ? ",{\"detail-type\":\"x\"}" : "")
              + "]"
              + (i % 3 == 0 ? ",\"other\":[1,{}]" : "")
              + "}");
    }
    return files;
  }

  @Test
  void slotsDecideAnEventOnlyAsItsTreeDoes() {
    Random random = new Random(5);
    List<String> lines = new ArrayList<>(corpus());
    List<String> corpus = List.copyOf(lines);
    for (int i = 0; i < 5_000; i++) {
      lines.add(
          new String(
              mutate(corpus.get(random.nextInt(corpus.size())), random), StandardCharsets.UTF_8));
    }
    FieldNames names = FieldNames.of(MATCHER.fieldFilter());
    int decided = 0;
    int firing = 0;
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      PrunedScanner scanner = new PrunedScanner(bytes, bytes.length);
      try {
        while (scanner.toEvent()) {
          long mark = scanner.mark();
          Object[] slots = new Object[EventSlots.COUNT];
          scanner.nextSlots(EventSlots.PLAN, slots);
          ReplayedEvent bySlots = EventSlots.unmatched(slots, MATCHER);
          scanner.rewind(mark);
          JsonNode event = EventReader.envelope(scanner.next(names));
          ReplayedEvent byTree = ReplayedEvent.of(event, MATCHER.matches(event));
          firing += byTree.ruleIds().isEmpty() ? 0 : 1;
          if (bySlots != null) {
            decided++;
            assertThat(bySlots).as(line).isEqualTo(byTree);
          }
        }
      } catch (PrunedScanner.Uncertain e) {
        // Left to Jackson: nothing to compare.
      }
    }
    assertThat(decided).isGreaterThan(2_000);
    assertThat(firing).isGreaterThan(1_000);
  }

  @Test
  void leavesToJacksonWhatItCannotVouchFor() {
    for (String text :
        List.of(
            "[{\"a\":1}]",
            "{\"Events\":[{\"CloudTrailEvent\":\"{}\"}]}",
            "{\"Records\":[{\"a\":1},7]}",
            "{\"Records\":[{\"a\":1} {\"b\":2}]}",
            "{\"Records\":[{\"a\":1}x{\"b\":2}]}",
            "{\"Records\":[{\"a\":1}],x}",
            "{\"Records\":[{\"Records\":[]}]}",
            "{\"Records\":[{\"a\":1}],}",
            "{\"a\":\"\u0001\"}",
            "{\"a\":\"\\x\"}",
            "{\"a\":01}",
            "{\"a\":1,}",
            "{\"a\":1}x",
            "\ufeff{\"a\":1}",
            "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}",
            "{\"a\":1")) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(scanned(bytes, FieldFilter.ALL)).as(text).containsExactly(UNCERTAIN);
    }
    byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
    assertThat(scanned(overlong, FieldFilter.ALL)).containsExactly(UNCERTAIN);
  }

  private static final byte[] INTERESTING =
      "\"\\{}[],:019-+.eEtfnua \n\t".getBytes(StandardCharsets.ISO_8859_1);

  private static final int[] RAW = {
    0x00, 0x1f, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xe0, 0xed, 0xf0, 0xf4, 0xff
  };

  /** One to three random edits: a byte deleted, inserted or replaced. */
  private static byte[] mutate(String line, Random random) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    for (int edits = 1 + random.nextInt(3); edits > 0 && bytes.length > 0; edits--) {
      int at = random.nextInt(bytes.length);
      byte with =
          random.nextInt(4) == 0
              ? (byte) RAW[random.nextInt(RAW.length)]
              : INTERESTING[random.nextInt(INTERESTING.length)];
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(bytes, 0, at);
      switch (random.nextInt(3)) {
        case 0 -> out.write(bytes, at + 1, bytes.length - at - 1);
        case 1 -> {
          out.write(with);
          out.write(bytes, at, bytes.length - at);
        }
        default -> {
          out.write(with);
          out.write(bytes, at + 1, bytes.length - at - 1);
        }
      }
      bytes = out.toByteArray();
    }
    return bytes;
  }

  /** Jackson's reading (EventReader), one string per event, or its error's message. */
  private static List<String> jackson(byte[] bytes, FieldFilter filter) {
    List<String> events = new ArrayList<>();
    try (EventReader reader =
        EventReader.openChunk(new ByteArrayInputStream(bytes), "in", filter, 0)) {
      for (JsonNode event = reader.next(); event != null; event = reader.next()) {
        events.add(describe(event));
      }
    } catch (UserException e) {
      events.add("error: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  /**
   * The scanner's reading, enveloped as EventReader envelopes; or {@link #UNCERTAIN}. The buffer
   * runs on past the input, as a chunk's does: the scanner must stop at the length.
   */
  private static List<String> scanned(byte[] bytes, FieldFilter filter) {
    FieldNames names = FieldNames.of(filter);
    byte[] padded = Arrays.copyOf(bytes, bytes.length + 7);
    PrunedScanner scanner = new PrunedScanner(padded, bytes.length);
    List<String> events = new ArrayList<>();
    try {
      while (scanner.toEvent()) {
        ObjectNode root = scanner.next(names);
        if (EventReader.mayHoldEvents(root)) {
          return List.of(UNCERTAIN);
        }
        events.add(describe(EventReader.envelope(root)));
      }
    } catch (PrunedScanner.Uncertain e) {
      return List.of(UNCERTAIN);
    }
    return events;
  }

  /** The event and the class of every node in it: equal nodes of different types differ here. */
  private static String describe(JsonNode node) {
    StringBuilder text = new StringBuilder();
    describe(node, text);
    return text.toString();
  }

  private static void describe(JsonNode node, StringBuilder text) {
    text.append(node.getClass().getSimpleName()).append('(');
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                text.append(field.getKey()).append('=');
                describe(field.getValue(), text);
                text.append(',');
              });
    } else if (node.isArray()) {
      node.forEach(
          element -> {
            describe(element, text);
            text.append(',');
          });
    } else {
      text.append(node.toString());
    }
    text.append(')');
  }
}
