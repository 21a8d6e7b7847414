package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.irctl.engine.port.MemberLedgerPort;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** irctl's record of the members it made, on SSM Parameter Store, over the wire. */
class MemberLedgerAdapterWireTest {
  private static final String TARGET = "AmazonSSM.";
  private final WireMockAws aws = new WireMockAws();
  private final MemberLedgerPort ledger = aws.ports().memberLedger("eu-west-1");

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(MemberLedgerAdapter.ACTIONS);
  }

  private void stub(String operation, String body) {
    aws.server().stubFor(WireMockAws.target(TARGET + operation).willReturn(okJson(body)));
  }

  private List<LoggedRequest> sent(String operation) {
    return aws.sentTo(TARGET + operation);
  }

  @Test
  void readsEveryChunkUnderIrctlsPath() {
    stub(
        "GetParametersByPath",
        "{\"Parameters\":[{\"Name\":\"/irctl/guardduty-members/0\",\"Value\":\"100000000001,"
            + "100000000002\"},{\"Name\":\"/irctl/guardduty-members/1\",\"Value\":\"100000000003\"}]}");
    assertThat(ledger.members())
        .containsExactlyInAnyOrder("100000000001", "100000000002", "100000000003");
    assertThat(sent("GetParametersByPath").get(0).getBodyAsString())
        .contains("\"Path\":\"/irctl/guardduty-members\"");
  }

  @Test
  void recordingANewAccountCreatesTheFirstChunkTaggedAndRecordingItAgainWritesNothing() {
    stub("GetParametersByPath", "{\"Parameters\":[]}");
    stub("PutParameter", "{\"Version\":1}");
    ledger.record(Set.of("100000000002", "100000000001"));
    List<LoggedRequest> puts = sent("PutParameter");
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).getBodyAsString())
        .contains("\"Name\":\"/irctl/guardduty-members/0\"")
        .contains("\"Value\":\"100000000001,100000000002\"")
        .contains("\"Key\":\"managed-by\"")
        .doesNotContain("Overwrite");

    aws.server().resetRequests();
    stub(
        "GetParametersByPath",
        "{\"Parameters\":[{\"Name\":\"/irctl/guardduty-members/0\","
            + "\"Value\":\"100000000001,100000000002\"}]}");
    ledger.record(Set.of("100000000001"));
    assertThat(sent("PutParameter")).isEmpty();
  }

  @Test
  void forgettingTheLastAccountsDeletesTheirChunk() {
    stub(
        "GetParametersByPath",
        "{\"Parameters\":[{\"Name\":\"/irctl/guardduty-members/0\",\"Value\":\"100000000001\"}]}");
    stub("DeleteParameter", "{}");
    ledger.forget(Set.of("100000000001"));
    assertThat(sent("DeleteParameter")).hasSize(1);
    assertThat(sent("DeleteParameter").get(0).getBodyAsString())
        .contains("/irctl/guardduty-members/0");
    assertThat(sent("PutParameter")).isEmpty();
  }
}
