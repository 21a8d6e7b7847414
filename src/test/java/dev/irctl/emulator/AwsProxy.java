package dev.irctl.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of the emulator, for what the emulator cannot do itself: it counts
 * every AWS call by region and operation (so a test sees "second run = zero write calls" on the
 * wire, whatever the CLI prints), answers a fraction of calls with AWS-shaped throttling errors in
 * the protocol of the service called (the rest are forwarded), and adds a fixed delay per call (the
 * benchmark's 100 ms). The region and service come from the SigV4 credential scope.
 */
public final class AwsProxy implements AutoCloseable {
  private static final Pattern SCOPE =
      Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");
  private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "date");

  private final URI target;
  private final double throttleFraction;
  private final Duration delay;
  private final Random random;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(64, AwsProxy::daemon);
  private final ExecutorService clientExecutor = Executors.newFixedThreadPool(8, AwsProxy::daemon);
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(clientExecutor)
          .build();
  private final List<Call> calls = new ArrayList<>();

  /** One call as it reached the proxy: whether it was throttled or forwarded. */
  public record Call(String region, String service, String operation, boolean throttled) {
    /** Anything but Get/List/Describe/Test (or an HTTP GET/HEAD for REST services) writes. */
    public boolean write() {
      if (operation.startsWith("GET ") || operation.startsWith("HEAD ")) {
        return false;
      }
      return !(operation.startsWith("Get")
          || operation.startsWith("List")
          || operation.startsWith("Describe")
          || operation.startsWith("Test"));
    }
  }

  private AwsProxy(URI target, double throttleFraction, Duration delay, long seed, int[] ports)
      throws IOException {
    this.target = target;
    this.throttleFraction = throttleFraction;
    this.delay = delay;
    this.random = new Random(seed);
    this.server = LoopbackPorts.bind(ports);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Counts and forwards every call. */
  public static AwsProxy counting(URI target) throws IOException {
    return new AwsProxy(target, 0, Duration.ZERO, 0, LoopbackPorts.range());
  }

  /** Answers about {@code fraction} of calls (seeded, so runs are comparable) with throttling. */
  public static AwsProxy throttling(URI target, double fraction, long seed) throws IOException {
    return new AwsProxy(target, fraction, Duration.ZERO, seed, LoopbackPorts.range());
  }

  /** Adds {@code delay} before forwarding each call. */
  public static AwsProxy delaying(URI target, Duration delay) throws IOException {
    return new AwsProxy(target, 0, delay, 0, LoopbackPorts.range());
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Calls seen since the last {@link #reset()}, in arrival order. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public void reset() {
    synchronized (calls) {
      calls.clear();
    }
  }

  /** Forwarded write calls per operation, e.g. {@code events:PutRule=21}. */
  public Map<String, Integer> writes() {
    Map<String, Integer> writes = new TreeMap<>();
    for (Call call : calls()) {
      if (call.write() && !call.throttled()) {
        writes.merge(call.service() + ":" + call.operation(), 1, Integer::sum);
      }
    }
    return writes;
  }

  public long throttledCount() {
    return calls().stream().filter(Call::throttled).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Matcher scope = SCOPE.matcher(auth == null ? "" : auth);
      boolean signed = scope.find();
      String region = signed ? scope.group(1) : "unknown";
      String service = signed ? scope.group(2) : "unknown";
      String operation = operationOf(exchange, body);
      boolean throttle = throttleFraction > 0 && nextDouble() < throttleFraction;
      synchronized (calls) {
        calls.add(new Call(region, service, operation, throttle));
      }
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      if (throttle) {
        throttled(exchange, service);
      } else {
        forward(exchange, body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized double nextDouble() {
    return random.nextDouble();
  }

  /**
   * The operation name: the JSON protocols' X-Amz-Target, the query protocols' Action, or the
   * method and path for REST services (GuardDuty), ids left in.
   */
  private static String operationOf(HttpExchange exchange, byte[] body) {
    String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (amzTarget != null) {
      // AWSEvents.PutRule, and CloudTrail's namespaced com.amazonaws.cloudtrail...DescribeTrails
      return amzTarget.substring(amzTarget.lastIndexOf('.') + 1);
    }
    String query = exchange.getRequestURI().getRawQuery();
    Matcher action = ACTION.matcher(new String(body, StandardCharsets.UTF_8));
    if (action.find()) {
      return action.group(1);
    }
    if (query != null && (action = ACTION.matcher(query)).find()) {
      return action.group(1);
    }
    return exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
  }

  private void forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    URI uri = target.resolve(exchange.getRequestURI().getRawPath());
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      uri = URI.create(uri + "?" + query);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      respond(exchange, 502, "text/plain", ("proxy: " + e).getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] responseBody;
    try (InputStream in = response.body()) {
      responseBody = in.readAllBytes();
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    send(exchange, response.statusCode(), responseBody);
  }

  /**
   * The throttling error each protocol sends: JSON 1.1 services (EventBridge, KMS) {@code __type:
   * ThrottlingException}; REST-JSON (GuardDuty) HTTP 429 with {@code x-amzn-ErrorType}; EC2 {@code
   * RequestLimitExceeded} (HTTP 503); the other query services (IAM, STS, SNS) HTTP 400 {@code
   * Throttling} ("Rate exceeded") in an {@code ErrorResponse}.
   */
  private static void throttled(HttpExchange exchange, String service) throws IOException {
    String requestId = java.util.UUID.randomUUID().toString();
    exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
    if (exchange.getRequestHeaders().containsKey("X-Amz-Target")) {
      respond(
          exchange,
          400,
          "application/x-amz-json-1.1",
          json("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"));
    } else if (service.equals("guardduty")) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
      respond(
          exchange,
          429,
          "application/json",
          json("{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}"));
    } else if (service.equals("ec2")) {
      respond(
          exchange,
          503,
          "text/xml",
          json(
              "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit"
                  + " exceeded.</Message></Error></Errors><RequestID>"
                  + requestId
                  + "</RequestID></Response>"));
    } else {
      respond(
          exchange,
          400,
          "text/xml",
          json(
              "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling"
                  + "</Code><Message>Rate exceeded</Message></Error><RequestId>"
                  + requestId
                  + "</RequestId></ErrorResponse>"));
    }
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    send(exchange, status, body);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "aws-proxy");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    clientExecutor.shutdownNow();
  }
}
