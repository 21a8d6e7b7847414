package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldFilterTest {
  @Test
  void keepsOnlyWhatPatternsEnvelopeAndOutputNeed() {
    FieldFilter filter =
        FieldFilter.forPatterns(
            List.of(
                TestEvents.json(
                    "{\"source\":[\"aws.iam\"],\"detail\":{\"userIdentity\":{\"type\":[\"Root\"]},\"$or\":[{\"errorCode\":[{\"exists\":true}]}]}}")));

    JsonNode event =
        readAll(TestEvents.apiCall("iam.amazonaws.com", "CreateUser").toString(), filter).get(0);

    assertThat(event.path("detail").has("userAgent")).isFalse();
    assertThat(event.path("detail").has("sourceIPAddress")).isFalse();
    assertThat(event.at("/detail/userIdentity/type").asText()).isEqualTo("IAMUser");
    assertThat(event.at("/detail/userIdentity").has("arn")).isFalse();
    assertThat(event.at("/detail/eventName").asText()).isEqualTo("CreateUser");
    assertThat(event.path("source").asText()).isEqualTo("aws.iam");
  }

  @Test
  void bareRecordsKeepWhatTheEnvelopeIsBuiltFrom() {
    FieldFilter filter =
        FieldFilter.forPatterns(
            List.of(TestEvents.json("{\"detail\":{\"errorCode\":[{\"exists\":true}]}}")));
    ObjectNode record =
        TestEvents.record("ec2.amazonaws.com", "RunInstances")
            .put("errorCode", "Client.UnauthorizedOperation");

    JsonNode event = readAll(record.toString(), filter).get(0);

    assertThat(event.path("source").asText()).isEqualTo("aws.ec2");
    assertThat(event.path("account").asText()).isEqualTo("111122223333");
    assertThat(event.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(event.at("/detail/errorCode").asText()).isEqualTo("Client.UnauthorizedOperation");
  }

  @Test
  void aPatternOnTheWholeDetailKeepsEverything() {
    assertThat(
            FieldFilter.forPatterns(List.of(TestEvents.json("{\"detail\":[{\"exists\":true}]}"))))
        .isSameAs(FieldFilter.ALL);
  }

  @Test
  void matchingPrunedEventsGivesTheSameRulesAsWholeEvents() {
    // Every example of the test catalogs, as envelopes and as bare records, through both readers.
    List<Rule> rules = new ArrayList<>(TestCatalogs.load("valid").rules());
    rules.addAll(TestCatalogs.load("failing").rules());
    CatalogMatcher matcher = CatalogMatcher.forExamples(rules);
    StringBuilder input = new StringBuilder();
    for (Rule rule : rules) {
      List<JsonNode> examples = new ArrayList<>(rule.examples().match());
      examples.addAll(rule.examples().noMatch());
      for (JsonNode example : examples) {
        input.append(example).append('\n');
        if (example.path("detail").has("eventSource")) {
          input.append(example.path("detail")).append('\n');
        }
      }
    }

    List<JsonNode> whole = readAll(input.toString(), FieldFilter.ALL);
    List<JsonNode> pruned = readAll(input.toString(), matcher.fieldFilter());

    assertThat(pruned).hasSameSizeAs(whole).hasSizeGreaterThan(30);
    for (int i = 0; i < whole.size(); i++) {
      assertThat(matcher.matches(pruned.get(i)))
          .as("event %d: %s", i, whole.get(i))
          .isEqualTo(matcher.matches(whole.get(i)));
    }
    assertThat(whole.stream().filter(e -> !matcher.matches(e).isEmpty()).count()).isGreaterThan(10);
  }

  private static List<JsonNode> readAll(String text, FieldFilter filter) {
    List<JsonNode> events = new ArrayList<>();
    try (EventReader reader =
        EventReader.open(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t", filter)) {
      for (JsonNode e = reader.next(); e != null; e = reader.next()) {
        events.add(e);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return events;
  }
}
