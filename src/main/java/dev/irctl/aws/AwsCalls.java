package dev.irctl.aws;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.AwsCallException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one SDK call under its IAM action name and translates failures into {@link
 * AwsCallException}, so the user reads which permission is missing and the engine sees no SDK
 * types.
 */
final class AwsCalls {
  private static final Set<String> ACCESS_DENIED =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "UnauthorizedOperation",
          "Client.UnauthorizedOperation",
          "AuthorizationError",
          "AuthorizationErrorException",
          "UnauthorizedAccess");
  private static final Set<String> REGION_NOT_ENABLED =
      Set.of("UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "OptInRequired");
  private static final Set<String> NOT_FOUND =
      Set.of(
          "ResourceNotFoundException",
          "NoSuchEntity",
          "NotFound",
          "NotFoundException",
          "NoSuchEntityException");

  private AwsCalls() {}

  static <T> T call(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw translate(action, e);
    }
  }

  static void run(String action, Runnable call) {
    call(
        action,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Every item of an SDK paginator's listing, as {@code convert} makes it; the pages are fetched
   * while iterating, so each page's failure is translated under {@code action} too.
   */
  static <S, T> List<T> list(
      String action, Supplier<? extends Iterable<S>> items, Function<S, T> convert) {
    return call(
        action,
        () -> {
          List<T> all = new ArrayList<>();
          items.get().forEach(item -> all.add(convert.apply(item)));
          return all;
        });
  }

  /**
   * Every page of a listing whose SDK client has no paginator for it: follows NextToken until AWS
   * returns none (or an empty one), one call at a time, each call under {@code action}.
   */
  static <P> List<P> pages(String action, Function<String, P> page, Function<P, String> nextToken) {
    List<P> pages = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      P response = call(action, () -> page.apply(next));
      pages.add(response);
      token = nextToken.apply(response);
    } while (token != null && !token.isEmpty());
    return pages;
  }

  /** The answer of {@code call}, or empty where AWS said the thing read does not exist. */
  static <T> Optional<T> absentIfNotFound(Supplier<T> call) {
    return absentIf(e -> e.kind() == Kind.NOT_FOUND, call);
  }

  /**
   * The answer of {@code call}, or empty where its failure is one that {@code absent} reads as "not
   * there" (a service's own exception where its error code is not a generic not-found).
   */
  static <T> Optional<T> absentIf(Predicate<AwsCallException> absent, Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (AwsCallException e) {
      if (absent.test(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Whether the failure was the SDK exception {@code type}: for {@link #absentIf}. */
  static Predicate<AwsCallException> causedBy(Class<? extends Exception> type) {
    return e -> type.isInstance(e.getCause());
  }

  static AwsCallException translate(String action, SdkException e) {
    if (e instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      String message =
          service.awsErrorDetails() == null
              ? service.getMessage()
              : service.awsErrorDetails().errorMessage();
      String text =
          (code == null ? "" : code + ": ")
              + (message == null ? "HTTP " + service.statusCode() : message);
      return new AwsCallException(kindOf(service, code), action, text, e);
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      // CallTimeoutInterceptor has already worded it as one sentence naming region and operation.
      return new AwsCallException(Kind.TIMEOUT, action, e.getMessage(), e);
    }
    if (e instanceof SdkClientException
        && String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
      return new AwsCallException(
          Kind.NO_CREDENTIALS, action, "No AWS credentials found: " + e.getMessage(), e);
    }
    return new AwsCallException(Kind.SERVICE_ERROR, action, e.getMessage(), e);
  }

  private static Kind kindOf(AwsServiceException e, String code) {
    if (code != null && ACCESS_DENIED.contains(code)) {
      return Kind.ACCESS_DENIED;
    }
    if (code != null && REGION_NOT_ENABLED.contains(code)) {
      return Kind.REGION_NOT_ENABLED;
    }
    if (e.isThrottlingException()) {
      return Kind.THROTTLED;
    }
    if ((code != null && NOT_FOUND.contains(code)) || e.statusCode() == 404) {
      return Kind.NOT_FOUND;
    }
    if (e.statusCode() >= 500) {
      return Kind.SERVICE_ERROR;
    }
    if (e.statusCode() == 403) {
      return Kind.ACCESS_DENIED;
    }
    if (e.statusCode() >= 400) {
      return Kind.INVALID_REQUEST;
    }
    return Kind.OTHER;
  }
}
