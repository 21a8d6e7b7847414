package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.iam.InstallPolicyResult;

/**
 * install-policy's output: the policy, its status and each change (with the policy diff), or one
 * JSON document.
 */
public final class PolicyResultRenderer {
  private final Style style;
  private final boolean dryRun;

  public PolicyResultRenderer(Style style, boolean dryRun) {
    this.style = style;
    this.dryRun = dryRun;
  }

  public String text(InstallPolicyResult result) {
    StringBuilder out = new StringBuilder();
    out.append("policy ")
        .append(result.policyArn())
        .append(": ")
        .append(status(result))
        .append('\n');
    for (Change change : result.changes()) {
      out.append("    ").append(PlanText.change(change)).append('\n');
    }
    out.append(summary(result)).append('\n');
    return out.toString();
  }

  public String json(InstallPolicyResult result) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("command", "install-policy");
    root.put("dryRun", dryRun);
    root.put("accountId", result.accountId());
    root.put("policyArn", result.policyArn());
    root.put("status", result.status());
    result.error().ifPresent(e -> root.put("error", e));
    ArrayNode changes = root.putArray("changes");
    result.changes().forEach(c -> ChangeJson.add(changes, c));
    root.put("changesMade", result.done().size());
    return Json.pretty(root);
  }

  private String summary(InstallPolicyResult result) {
    int planned = result.changes().size();
    if (result.failed()) {
      return "failed: "
          + result.error().orElse("")
          + "\n"
          + result.done().size()
          + " of "
          + planned
          + " changes were made before the failure; run again once it is fixed.";
    }
    if (planned == 0) {
      return "nothing to change (no write calls made).";
    }
    return dryRun
        ? planned + " " + plural(planned) + " pending (dry run: nothing was changed)."
        : planned + " " + plural(planned) + " made.";
  }

  private String status(InstallPolicyResult result) {
    if (result.failed()) {
      return style.bad(result.status());
    }
    return result.changes().isEmpty() ? style.ok(result.status()) : style.change(result.status());
  }

  private static String plural(int count) {
    return count == 1 ? "change" : "changes";
  }
}
