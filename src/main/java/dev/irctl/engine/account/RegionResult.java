package dev.irctl.engine.account;

import dev.irctl.engine.guardduty.DetectorRegionResult;
import dev.irctl.engine.rules.RulesRegionResult;

/**
 * One region's GuardDuty and rules results of a plan or apply; either part may have failed alone.
 */
public record RegionResult(String region, DetectorRegionResult guardDuty, RulesRegionResult rules) {
  public int changeCount() {
    return guardDuty.changes().size() + rules.changes().size();
  }

  public int failedParts() {
    return (guardDuty.failed() ? 1 : 0) + (rules.failed() ? 1 : 0);
  }
}
