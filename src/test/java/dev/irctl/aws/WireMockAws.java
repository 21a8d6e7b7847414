package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.irctl.engine.permissions.AwsAction;
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
   * After each test: every operation sent is one of {@code declared} (what print-policy grants);
   * the server stops either way.
   */
  @SafeVarargs
  public final void assertDeclaredThenClose(List<AwsAction>... declared) {
    try {
      DeclaredActions.assertDeclared(operations(), declared);
    } finally {
      close();
    }
  }

  /** A JSON-protocol request to {@code target} ({@code Prefix.Operation}, X-Amz-Target). */
  public static MappingBuilder target(String target) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
  }

  /** The JSON-protocol requests sent to {@code target}, oldest first. */
  public List<LoggedRequest> sentTo(String target) {
    return server.findAll(
        postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)));
  }

  /** Answers the JSON-protocol operation {@code target} with {@code body}. */
  public void answerTarget(String target, String body) {
    server.stubFor(target(target).willReturn(WireMock.okJson(body)));
  }

  /** The bodies sent to the JSON-protocol operation {@code target}, in order. */
  public List<String> sentToTarget(String target) {
    return sentTo(target).stream().map(LoggedRequest::getBodyAsString).toList();
  }

  @Override
  public void close() {
    ports.close();
    server.stop();
  }
}
