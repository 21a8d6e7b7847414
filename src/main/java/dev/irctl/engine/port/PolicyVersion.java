package dev.irctl.engine.port;

import java.time.Instant;

/** One version of a managed policy, as ListPolicyVersions describes it (without its document). */
public record PolicyVersion(String versionId, boolean isDefault, Instant created) {}
