package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HubBusPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUS = "arn:aws:events:eu-west-1:444455556666:event-bus/default";
  private static final String FOREIGN =
      "{\"Sid\":\"partner\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},"
          + "\"Action\":\"events:PutEvents\",\"Resource\":\""
          + BUS
          + "\"}";

  private static JsonNode parse(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void noPolicyGetsOnlyIrctlsStatement() {
    JsonNode policy = HubBusPolicy.merge(Optional.empty(), "o-abc123", BUS);

    assertThat(policy.get("Statement")).hasSize(1);
    JsonNode statement = policy.at("/Statement/0");
    assertThat(statement.get("Sid").asText()).isEqualTo("irctl-org-put-events");
    assertThat(statement.get("Action").asText()).isEqualTo("events:PutEvents");
    assertThat(statement.get("Resource").asText()).isEqualTo(BUS);
    assertThat(statement.at("/Condition/StringEquals/aws:PrincipalOrgID").asText())
        .isEqualTo("o-abc123");
  }

  @Test
  void foreignStatementsAreKeptAndAStaleIrctlStatementIsReplacedInPlace() throws Exception {
    JsonNode existing =
        parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"irctl-org-put-events\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"events:PutEvents\",\"Resource\":\""
                + BUS
                + "\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-old\"}}},"
                + FOREIGN
                + "]}");

    JsonNode merged = HubBusPolicy.merge(Optional.of(existing), "o-abc123", BUS);

    assertThat(merged.get("Statement")).hasSize(2);
    assertThat(merged.at("/Statement/0/Condition/StringEquals/aws:PrincipalOrgID").asText())
        .isEqualTo("o-abc123");
    assertThat(merged.at("/Statement/1")).isEqualTo(parse(FOREIGN));
    assertThat(HubBusPolicy.current(Optional.of(existing), "o-abc123", BUS)).isFalse();
    assertThat(HubBusPolicy.current(Optional.of(merged), "o-abc123", BUS)).isTrue();
  }

  @Test
  void aSingleStatementObjectIsKept() throws Exception {
    JsonNode existing = parse("{\"Version\":\"2012-10-17\",\"Statement\":" + FOREIGN + "}");

    JsonNode merged = HubBusPolicy.merge(Optional.of(existing), "o-abc123", BUS);

    assertThat(merged.get("Statement")).hasSize(2);
    assertThat(merged.at("/Statement/0")).isEqualTo(parse(FOREIGN));
    assertThat(merged.at("/Statement/1/Sid").asText()).isEqualTo("irctl-org-put-events");
  }
}
