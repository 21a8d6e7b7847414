package dev.irctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks that every SDK operation a wire test saw is an IAM action its adapter declares (print-policy relies on it). */
final class DeclaredActions {
  private static final Map<String, String> PREFIX = Map.of("eventbridge", "events", "sns", "sns", "sts", "sts", "kms", "kms", "guardduty", "guardduty");

  private DeclaredActions() {}

  static List<String> declared() {
    List<String> all = new ArrayList<>();
    all.addAll(EventBridgeAdapter.ACTIONS);
    all.addAll(SnsAdapter.ACTIONS);
    all.addAll(StsAccountAdapter.ACTIONS);
    all.addAll(KmsAdapter.ACTIONS);
    all.addAll(GuardDutyAdapter.ACTIONS);
    return all;
  }

  /** {@code EventBridge:PutRule} → {@code events:PutRule}. */
  static String iamAction(String operation) {
    String[] parts = operation.split(":", 2);
    String prefix = PREFIX.get(parts[0].toLowerCase(Locale.ROOT));
    assertThat(prefix).as("IAM prefix for service " + parts[0]).isNotNull();
    return prefix + ":" + parts[1];
  }

  static void assertAllDeclared(List<String> operations) {
    assertThat(operations).isNotEmpty();
    List<String> declared = declared();
    for (String operation : operations) {
      assertThat(declared).as("adapter ACTIONS declare the operation " + operation).contains(iamAction(operation));
    }
  }
}
