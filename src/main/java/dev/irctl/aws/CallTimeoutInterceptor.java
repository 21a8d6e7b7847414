package dev.irctl.aws;

import dev.irctl.engine.port.Session.CallTimeouts;
import java.time.Duration;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Words an SDK timeout as one sentence naming the service, operation and region, instead of "did
 * not complete before the specified timeout configuration: 120000 millis".
 */
final class CallTimeoutInterceptor implements ExecutionInterceptor {
  private final CallTimeouts timeouts;

  CallTimeoutInterceptor(CallTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  @Override
  public Throwable modifyException(
      Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    boolean call = failure instanceof ApiCallTimeoutException;
    boolean attempt = failure instanceof ApiCallAttemptTimeoutException;
    if (!call && !attempt) {
      return failure;
    }
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    String sentence =
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + " "
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
            + (region == null ? "" : " in " + region.id())
            + " timed out: "
            + (call
                ? "no answer within " + words(timeouts.call()) + " over all its attempts"
                : "no attempt was answered within " + words(timeouts.attempt()))
            + "; the endpoint is down, unreachable or overloaded (--call-timeout "
            + words(timeouts.attempt()).replace(" ", "")
            + ","
            + words(timeouts.call()).replace(" ", "")
            + " sets the limits)";
    return call
        ? ApiCallTimeoutException.builder().message(sentence).cause(failure).build()
        : ApiCallAttemptTimeoutException.builder().message(sentence).cause(failure).build();
  }

  /** 30 s, 2 min, 1500 ms. */
  static String words(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0) {
      return (millis / 60_000) + " min";
    }
    if (millis % 1000 == 0) {
      return (millis / 1000) + " s";
    }
    return millis + " ms";
  }
}
