package dev.irctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest {
  private static final List<String> IDS =
      List.of("cis-root-account-usage", "iam-mfa-deactivated", "iam-access-key-changes");

  @Test
  void aNameWithinAFewEditsIsSuggested() {
    assertThat(Suggestion.closest("iam-mfa-deactivate", IDS)).contains("iam-mfa-deactivated");
    assertThat(Suggestion.closest("lst", List.of("list", "test", "show"))).contains("list");
  }

  @Test
  void theOnlyNameThatContainsWhatWasTypedIsSuggested() {
    assertThat(Suggestion.closest("root-account-usage", IDS)).contains("cis-root-account-usage");
  }

  @Test
  void somethingFarFromEveryNameGetsNoSuggestion() {
    assertThat(Suggestion.closest("guardduty", IDS)).isEmpty();
    assertThat(Suggestion.didYouMean("xyz", IDS)).isEmpty();
    assertThat(Suggestion.closest("", IDS)).isEmpty();
  }

  @Test
  void tiesAreAllNamed() {
    assertThat(Suggestion.closest("ab", List.of("ac", "ad", "zzzz"))).contains("ac or ad");
  }
}
