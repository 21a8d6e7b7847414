package dev.irctl.aws;

import dev.irctl.engine.port.AccountPort;
import dev.irctl.engine.port.AlertPathPorts;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.GuardDutyOrgPort;
import dev.irctl.engine.port.GuardDutyPort;
import dev.irctl.engine.port.IamPort;
import dev.irctl.engine.port.KmsPort;
import dev.irctl.engine.port.OrganizationsPort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.RegionDirectoryPort;
import dev.irctl.engine.port.Session;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.port.StackSetsPort;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Ports backed by AWS SDK clients built by one {@link AwsClients}. */
final class AwsPorts implements Ports {
  private final AwsClients clients;

  AwsPorts(Session session) {
    this(new AwsClients(session));
  }

  AwsPorts(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public void checkCredentials() {
    clients.checkCredentials();
  }

  @Override
  public RegionDirectoryPort regions() {
    return new RegionDirectoryAdapter(clients);
  }

  @Override
  public GuardDutyPort guardDuty(String region) {
    return new GuardDutyAdapter(clients.client("guardduty", region, GuardDutyClient::builder));
  }

  /**
   * IAM is global: one client on the partition's global region, whichever region the profile names.
   */
  @Override
  public IamPort iam() {
    return new IamAdapter(clients.client("iam", globalRegion(), IamClient::builder));
  }

  /** STS in the profile's region: regional endpoints answer for every partition. */
  @Override
  public AccountPort account() {
    return new AccountAdapter(clients.client("sts", homeRegion(), StsClient::builder));
  }

  /** The partition's region for its global services (IAM, Organizations). */
  private String globalRegion() {
    return GlobalRegions.iamRegion(homeRegion(), clients.session().endpoint().isPresent());
  }

  /** The configured or first named region, or us-east-1: it decides the partition only. */
  private String homeRegion() {
    return clients.homeRegion();
  }

  @Override
  public EventBridgePort eventBridge(String region) {
    return new EventBridgeAdapter(clients.client("events", region, EventBridgeClient::builder));
  }

  @Override
  public SnsPort sns(String region) {
    return new SnsAdapter(clients.client("sns", region, SnsClient::builder));
  }

  @Override
  public KmsPort kms(String region) {
    return new KmsAdapter(clients.client("kms", region, KmsClient::builder));
  }

  @Override
  public AlertPathPorts alertPath() {
    return new AwsAlertPathPorts(clients, globalRegion());
  }

  @Override
  public OrganizationsPort organizations() {
    return new OrganizationsAdapter(
        clients.client("organizations", globalRegion(), OrganizationsClient::builder));
  }

  @Override
  public GuardDutyOrgPort guardDutyOrg(String region) {
    return new GuardDutyOrgAdapter(clients.client("guardduty", region, GuardDutyClient::builder));
  }

  @Override
  public StackSetsPort stackSets(String region, StackSetsPort.CallAs callAs) {
    return new StackSetsAdapter(
        clients.client("cloudformation", region, CloudFormationClient::builder), callAs);
  }

  @Override
  public dev.irctl.engine.port.MemberLedgerPort memberLedger(String region) {
    return new MemberLedgerAdapter(
        clients.client("ssm", region, software.amazon.awssdk.services.ssm.SsmClient::builder));
  }

  @Override
  public void close() {
    clients.close();
  }
}
