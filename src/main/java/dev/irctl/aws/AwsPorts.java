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
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClientBuilder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClientBuilder;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

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
    Supplier<GuardDutyClientBuilder> builder = GuardDutyClient::builder;
    return new GuardDutyAdapter(clients.client("guardduty", region, builder));
  }

  /**
   * IAM is global: one client on the partition's global region, whichever region the profile names.
   */
  @Override
  public IamPort iam() {
    Supplier<IamClientBuilder> builder = IamClient::builder;
    return new IamAdapter(
        clients.client(
            "iam",
            GlobalRegions.iamRegion(homeRegion(), clients.session().endpoint().isPresent()),
            builder));
  }

  /** STS in the profile's region: regional endpoints answer for every partition. */
  @Override
  public AccountPort account() {
    Supplier<StsClientBuilder> builder = StsClient::builder;
    return new AccountAdapter(clients.client("sts", homeRegion(), builder));
  }

  /** The configured or first named region, or us-east-1: it decides the partition only. */
  private String homeRegion() {
    return clients.homeRegion();
  }

  @Override
  public EventBridgePort eventBridge(String region) {
    Supplier<EventBridgeClientBuilder> builder = EventBridgeClient::builder;
    return new EventBridgeAdapter(clients.client("events", region, builder));
  }

  @Override
  public SnsPort sns(String region) {
    Supplier<SnsClientBuilder> builder = SnsClient::builder;
    return new SnsAdapter(clients.client("sns", region, builder));
  }

  @Override
  public KmsPort kms(String region) {
    Supplier<KmsClientBuilder> builder = KmsClient::builder;
    return new KmsAdapter(clients.client("kms", region, builder));
  }

  @Override
  public AlertPathPorts alertPath() {
    return new AwsAlertPathPorts(
        clients, GlobalRegions.iamRegion(homeRegion(), clients.session().endpoint().isPresent()));
  }

  @Override
  public OrganizationsPort organizations() {
    Supplier<OrganizationsClientBuilder> builder = OrganizationsClient::builder;
    return new OrganizationsAdapter(
        clients.client(
            "organizations",
            GlobalRegions.iamRegion(homeRegion(), clients.session().endpoint().isPresent()),
            builder));
  }

  @Override
  public GuardDutyOrgPort guardDutyOrg(String region) {
    Supplier<GuardDutyClientBuilder> builder = GuardDutyClient::builder;
    return new GuardDutyOrgAdapter(clients.client("guardduty", region, builder));
  }

  @Override
  public StackSetsPort stackSets(String region, StackSetsPort.CallAs callAs) {
    Supplier<CloudFormationClientBuilder> builder = CloudFormationClient::builder;
    return new StackSetsAdapter(clients.client("cloudformation", region, builder), callAs);
  }

  @Override
  public dev.irctl.engine.port.MemberLedgerPort memberLedger(String region) {
    Supplier<software.amazon.awssdk.services.ssm.SsmClientBuilder> builder =
        software.amazon.awssdk.services.ssm.SsmClient::builder;
    return new MemberLedgerAdapter(clients.client("ssm", region, builder));
  }

  @Override
  public void close() {
    clients.close();
  }
}
