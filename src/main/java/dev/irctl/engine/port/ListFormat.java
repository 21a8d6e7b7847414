package dev.irctl.engine.port;

/** File formats GuardDuty accepts for threat intel and trusted IP lists. */
public enum ListFormat {
  TXT,
  STIX,
  OTX_CSV,
  ALIEN_VAULT,
  PROOF_POINT,
  FIRE_EYE
}
