package dev.irctl.engine.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of thing irctl manages (the GuardDuty detector, a region's rules and topic, the IAM
 * policy...). A part knows what it wants, reads what exists through the ports, plans purely (no SDK
 * types) and applies a plan's changes. Everything else (regions, concurrency, failure isolation,
 * identity, progress, whether to apply) is the {@link Runner}'s. Adding a kind of resource to irctl
 * is writing one part; a part that only reads is a {@link ReadPart}.
 */
public interface Part extends ReadPart {
  /** Makes the plan's changes (only called when there are some). */
  Applied apply(PartContext context, PartPlan plan);

  /** What the part wants, as JSON, so a saved plan can rebuild this part exactly. */
  JsonNode desired();
}
