package dev.irctl.engine.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.Principal;
import java.util.List;

/** The changes an install-policy plan can hold, in the order the applier carries them out. */
public sealed interface PolicyChange extends Change.Described {

  /** No policy of that name: create it, tagged as irctl's. */
  record CreatePolicy(String name, JsonNode document) implements PolicyChange {
    @Override
    public Description describe() {
      return Description.create(
          "policy " + name,
          "no policy of that name",
          PolicyDocuments.diff(PolicyDocuments.parse("{}"), document));
    }
  }

  /** {@code --adopt}: tag a policy irctl did not create, so this and later runs may manage it. */
  record AdoptPolicy(String arn, String name) implements PolicyChange {
    @Override
    public Description describe() {
      return Description.update(
          "policy " + name,
          "adopted: not created by irctl",
          List.of(FieldDiff.of("tag managed-by", null, "irctl")));
    }
  }

  /**
   * IAM keeps at most 5 versions: the oldest non-default one goes to make room for the new default.
   */
  record DeleteVersion(String arn, String name, String versionId) implements PolicyChange {
    @Override
    public Description describe() {
      return Description.delete(
          "policy " + name + " version " + versionId,
          "oldest non-default version; IAM keeps at most 5");
    }
  }

  /**
   * The default version's document differs: a new version becomes the default (the old one stays).
   */
  record CreateDefaultVersion(String arn, String name, JsonNode document, List<FieldDiff> diffs)
      implements PolicyChange {
    public CreateDefaultVersion {
      diffs = List.copyOf(diffs);
    }

    @Override
    public Description describe() {
      return Description.update(
          "policy " + name, "default version differs: new default version", diffs);
    }
  }

  /** The principal lacks the policy. */
  record Attach(Principal principal, String policyName) implements PolicyChange {
    @Override
    public Description describe() {
      return Description.create("attachment " + policyName + " -> " + principal, "not attached");
    }
  }
}
