package dev.irctl.fakes;

import dev.irctl.engine.port.MemberLedgerPort;
import java.util.Set;
import java.util.TreeSet;

/** irctl's record of the members it made, in one region, in memory. */
public final class FakeMemberLedger implements MemberLedgerPort {
  private final String region;
  private final CallLog log;
  private final Set<String> ids = new TreeSet<>();

  FakeMemberLedger(String region, CallLog log) {
    this.region = region;
    this.log = log;
  }

  @Override
  public synchronized Set<String> members() {
    log.record(region, "ssm:GetParametersByPath", false);
    return Set.copyOf(ids);
  }

  @Override
  public synchronized void record(Set<String> accountIds) {
    log.record(region, "ssm:GetParametersByPath", false);
    if (!ids.containsAll(accountIds)) {
      log.record(region, "ssm:PutParameter", true);
      ids.addAll(accountIds);
    }
  }

  @Override
  public synchronized void forget(Set<String> accountIds) {
    log.record(region, "ssm:GetParametersByPath", false);
    if (ids.stream().anyMatch(accountIds::contains)) {
      log.record(region, "ssm:PutParameter", true);
      ids.removeAll(accountIds);
    }
  }
}
