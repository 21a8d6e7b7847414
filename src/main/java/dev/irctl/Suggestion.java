package dev.irctl;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a user most likely meant: close in spelling (edit distance up to a third of the
 * name, at least 2), or the only known name that contains what they typed ({@code
 * root-account-usage} for {@code cis-root-account-usage}).
 */
public final class Suggestion {
  private Suggestion() {}

  /** The closest known names, joined with " or ", when one is close enough. */
  public static Optional<String> closest(String typed, Collection<String> known) {
    if (typed == null || typed.isBlank() || known.isEmpty()) {
      return Optional.empty();
    }
    String lower = typed.toLowerCase(Locale.ROOT);
    List<String> containing =
        known.stream()
            .filter(k -> k.toLowerCase(Locale.ROOT).contains(lower) && lower.length() >= 4)
            .sorted()
            .toList();
    if (containing.size() == 1) {
      return Optional.of(containing.get(0));
    }
    int limit = Math.max(2, lower.length() / 3);
    int best =
        known.stream()
            .mapToInt(k -> distance(k.toLowerCase(Locale.ROOT), lower))
            .min()
            .orElse(Integer.MAX_VALUE);
    if (best > limit) {
      return Optional.empty();
    }
    return Optional.of(
        String.join(
            " or ",
            known.stream()
                .filter(k -> distance(k.toLowerCase(Locale.ROOT), lower) == best)
                .sorted()
                .limit(3)
                .toList()));
  }

  /** {@code " Did you mean X?"}, or nothing: to append to an error sentence. */
  public static String didYouMean(String typed, Collection<String> known) {
    return closest(typed, known).map(s -> " Did you mean " + s + "?").orElse("");
  }

  /** The Levenshtein distance between two names. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
