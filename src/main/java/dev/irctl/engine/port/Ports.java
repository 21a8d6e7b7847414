package dev.irctl.engine.port;

/**
 * The narrow interfaces the engine talks to, one per AWS service and region. Implementations create
 * clients lazily and share one HTTP client; closing releases it.
 */
public interface Ports extends AutoCloseable {
  /** Fails with {@link AwsCallException.Kind#NO_CREDENTIALS} when no credentials can be found. */
  void checkCredentials();

  RegionDirectoryPort regions();

  GuardDutyPort guardDuty(String region);

  /** IAM through the partition's global endpoint. */
  IamPort iam();

  /** The account the credentials belong to (STS). */
  AccountPort account();

  EventBridgePort eventBridge(String region);

  SnsPort sns(String region);

  KmsPort kms(String region);

  /** SQS, CloudWatch, CloudTrail, sample findings, logs and roles: the alert path's ports. */
  AlertPathPorts alertPath();

  /** AWS Organizations through the partition's global endpoint. */
  OrganizationsPort organizations();

  GuardDutyOrgPort guardDutyOrg(String region);

  StackSetsPort stackSets(String region, StackSetsPort.CallAs callAs);

  /** irctl's record of the GuardDuty members it made in a region. */
  MemberLedgerPort memberLedger(String region);

  @Override
  void close();
}
