package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.AccountPort.Identity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountAdapterWireTest {
  private final WireMockAws aws = new WireMockAws();

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(AccountAdapter.ACTIONS);
  }

  @Test
  void identityReadsAccountAndPartitionFromGetCallerIdentity() {
    aws.server()
        .stubFor(
            post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetCallerIdentity"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "text/xml")
                        .withBody(
                            IamXml.callerIdentity(
                                "arn:aws-cn:sts::111122223333:assumed-role/admin/s",
                                "111122223333"))));

    Identity identity = aws.ports().account().identity();

    assertThat(identity)
        .isEqualTo(
            new Identity(
                "111122223333", "aws-cn", "arn:aws-cn:sts::111122223333:assumed-role/admin/s"));
    assertThat(aws.operations()).containsExactly("Sts:GetCallerIdentity");
    assertThat(aws.server().getAllServeEvents().get(0).getRequest().getBodyAsString())
        .isEqualTo("Action=GetCallerIdentity&Version=2011-06-15");
  }
}
