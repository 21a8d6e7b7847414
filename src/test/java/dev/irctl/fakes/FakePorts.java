package dev.irctl.fakes;

import dev.irctl.engine.port.AccountPort;
import dev.irctl.engine.port.AlertPathPorts;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.GuardDutyPort;
import dev.irctl.engine.port.IamPort;
import dev.irctl.engine.port.KmsPort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.PortsFactory;
import dev.irctl.engine.port.RegionDirectoryPort;
import dev.irctl.engine.port.Session;
import dev.irctl.engine.port.SnsPort;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory AWS account: per-region fakes that keep state across runs (so a second run sees what
 * the first created) and one {@link CallLog}. Also its own {@link PortsFactory}, so the CLI can run
 * in-process on it.
 */
public final class FakePorts
    implements Ports, PortsFactory, dev.irctl.engine.permissions.PermissionCatalog {
  /** The adapters' real action lists: print-policy reads them through the factory. */
  @Override
  public java.util.Set<String> commands() {
    return dev.irctl.aws.CommandActions.commands();
  }

  @Override
  public java.util.Set<String> readOnlyCommands() {
    return dev.irctl.aws.CommandActions.readOnlyCommands();
  }

  @Override
  public java.util.List<dev.irctl.engine.permissions.AwsAction> actions(String command) {
    return dev.irctl.aws.CommandActions.actions(command);
  }

  /** The account the fakes belong to. */
  public static final String ACCOUNT = "111122223333";

  private final CallLog log = new CallLog();
  private final FakeRegionDirectory regions = new FakeRegionDirectory(log);
  private final Map<String, FakeGuardDuty> guardDuty = new ConcurrentHashMap<>();
  private final FakeIam iam = new FakeIam(log);
  private final FakeAccount account = new FakeAccount(log);
  private final Map<String, FakeEventBridge> eventBridge = new ConcurrentHashMap<>();
  private final Map<String, FakeSns> sns = new ConcurrentHashMap<>();
  private final Map<String, FakeKms> kms = new ConcurrentHashMap<>();
  private final FakeAlertPath alertPath = new FakeAlertPath(ACCOUNT, log);
  private final FakeOrganizations organizations = new FakeOrganizations(log);
  private final Map<String, FakeGuardDutyOrg> guardDutyOrg = new ConcurrentHashMap<>();
  private final Map<String, FakeStackSets> stackSets = new ConcurrentHashMap<>();
  private final Map<String, FakeMemberLedger> ledgers = new ConcurrentHashMap<>();
  private volatile boolean credentials = true;
  private volatile Session lastSession;

  public CallLog log() {
    return log;
  }

  public FakeRegionDirectory regionDirectory() {
    return regions;
  }

  public FakeGuardDuty guardDutyIn(String region) {
    return guardDuty.computeIfAbsent(region, r -> new FakeGuardDuty(r, log));
  }

  public FakeIam iamFake() {
    return iam;
  }

  public FakeAccount accountFake() {
    return account;
  }

  public FakeEventBridge eventBridgeIn(String region) {
    return eventBridge.computeIfAbsent(region, r -> new FakeEventBridge(r, ACCOUNT, log));
  }

  public FakeSns snsIn(String region) {
    return sns.computeIfAbsent(region, r -> new FakeSns(r, ACCOUNT, log));
  }

  public FakeKms kmsIn(String region) {
    return kms.computeIfAbsent(region, r -> new FakeKms(r, ACCOUNT, log));
  }

  public FakeOrganizations organizationsFake() {
    return organizations;
  }

  public FakeGuardDutyOrg guardDutyOrgIn(String region) {
    return guardDutyOrg.computeIfAbsent(region, r -> new FakeGuardDutyOrg(r, ACCOUNT, log));
  }

  public FakeStackSets stackSetsIn(String region) {
    return stackSets.computeIfAbsent(region, r -> new FakeStackSets(r, organizations, log));
  }

  @Override
  public dev.irctl.engine.port.OrganizationsPort organizations() {
    return organizations;
  }

  @Override
  public dev.irctl.engine.port.GuardDutyOrgPort guardDutyOrg(String region) {
    return guardDutyOrgIn(region);
  }

  @Override
  public dev.irctl.engine.port.StackSetsPort stackSets(
      String region, dev.irctl.engine.port.StackSetsPort.CallAs callAs) {
    return stackSetsIn(region);
  }

  public FakeMemberLedger memberLedgerIn(String region) {
    return ledgers.computeIfAbsent(region, r -> new FakeMemberLedger(r, log));
  }

  @Override
  public dev.irctl.engine.port.MemberLedgerPort memberLedger(String region) {
    return memberLedgerIn(region);
  }

  public FakePorts withoutCredentials() {
    credentials = false;
    return this;
  }

  public Session lastSession() {
    return lastSession;
  }

  @Override
  public Ports open(Session session) {
    lastSession = session;
    return this;
  }

  @Override
  public void checkCredentials() {
    if (!credentials) {
      throw new AwsCallException(
          AwsCallException.Kind.NO_CREDENTIALS, "credentials", "No AWS credentials found: (fake).");
    }
  }

  @Override
  public RegionDirectoryPort regions() {
    return regions;
  }

  @Override
  public GuardDutyPort guardDuty(String region) {
    return guardDutyIn(region);
  }

  @Override
  public IamPort iam() {
    return iam;
  }

  @Override
  public AccountPort account() {
    return account;
  }

  @Override
  public EventBridgePort eventBridge(String region) {
    return eventBridgeIn(region);
  }

  @Override
  public SnsPort sns(String region) {
    return snsIn(region);
  }

  @Override
  public KmsPort kms(String region) {
    return kmsIn(region);
  }

  public FakeAlertPath alertPathFake() {
    return alertPath;
  }

  /** The inline policy of irctl's forwarder role, if the role has it. */
  public java.util.Optional<String> forwarderRolePolicy() {
    return alertPath
        .rolesFake()
        .rolePolicy(
            dev.irctl.engine.hub.ForwarderRole.NAME,
            dev.irctl.engine.hub.ForwarderRole.POLICY_NAME);
  }

  @Override
  public AlertPathPorts alertPath() {
    return alertPath;
  }

  @Override
  public void close() {}
}
