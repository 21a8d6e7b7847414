package dev.irctl.engine.account;

import java.util.List;

/**
 * A plan or apply over the whole account: one result per region (sorted by name), the IAM part, and
 * warnings that concern no single region. Each region's GuardDuty, each region's rules and the IAM
 * policy are the "parts" that fail or succeed on their own.
 */
public record AccountResult(List<RegionResult> regions, IamPart iam, List<String> warnings) {
  public AccountResult {
    regions = List.copyOf(regions);
    warnings = List.copyOf(warnings);
  }

  /** Changes planned (or made) over every part. */
  public int changeCount() {
    return regions.stream().mapToInt(RegionResult::changeCount).sum() + iam.changes().size();
  }

  public long failedParts() {
    return regions.stream().mapToInt(RegionResult::failedParts).sum() + (iam.failed() ? 1 : 0);
  }

  /** Parts that ran: two per region, and the IAM policy unless it was skipped. */
  public long totalParts() {
    return 2L * regions.size() + (iam.isSkipped() ? 0 : 1);
  }

  /** Nothing to change and nothing failed: the account is as asked. */
  public boolean inSync() {
    return changeCount() == 0 && failedParts() == 0;
  }

  public long regionsWithChanges() {
    return regions.stream().filter(r -> r.changeCount() > 0).count();
  }

  public long failedRegions() {
    return regions.stream().filter(r -> r.failedParts() > 0).count();
  }
}
