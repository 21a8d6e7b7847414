package dev.irctl.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.irctl.engine.port.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A WireMock server standing in for every AWS endpoint, and real {@link AwsPorts} pointed at it
 * through the endpoint override, exactly as {@code --endpoint-url} does. Records each SDK operation
 * sent, as {@code ServiceName:OperationName}, so tests can compare what adapters call with what
 * they declare.
 */
public final class WireMockAws implements AutoCloseable {
  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
  private final AwsPorts ports;

  public WireMockAws() {
    server.start();
    Session session = new Session(Optional.empty(), Optional.of(URI.create(server.baseUrl())), 4);
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
                    + ":"
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
          }
        };
    ports = new AwsPorts(new AwsClients(session, List.of(recorder)));
  }

  public WireMockServer server() {
    return server;
  }

  public AwsPorts ports() {
    return ports;
  }

  /** Operations sent so far, e.g. {@code GuardDuty:CreateDetector}. */
  public List<String> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  /**
   * Answers the JSON-protocol operation named by {@code target} (its X-Amz-Target) with {@code
   * body}.
   */
  public void answerTarget(String target, String body) {
    server.stubFor(
        WireMock.post(WireMock.urlEqualTo("/"))
            .withHeader("X-Amz-Target", WireMock.equalTo(target))
            .willReturn(WireMock.okJson(body)));
  }

  /** The bodies sent to the JSON-protocol operation {@code target}, in order. */
  public List<String> sentToTarget(String target) {
    return server
        .findAll(
            WireMock.postRequestedFor(WireMock.urlEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo(target)))
        .stream()
        .map(r -> r.getBodyAsString())
        .toList();
  }

  @Override
  public void close() {
    ports.close();
    server.stop();
  }
}
