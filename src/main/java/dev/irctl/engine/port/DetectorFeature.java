package dev.irctl.engine.port;

/** The detector features irctl lets a user name, as the GuardDuty features API spells them. */
public enum DetectorFeature {
  S3_DATA_EVENTS,
  EKS_AUDIT_LOGS,
  EBS_MALWARE_PROTECTION,
  RDS_LOGIN_EVENTS,
  LAMBDA_NETWORK_LOGS,
  RUNTIME_MONITORING,
  EKS_RUNTIME_MONITORING
}
