package dev.irctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.engine.org.MemberRulesTemplate;
import dev.irctl.engine.org.OrgInputs;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.render.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "cloudformation",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Write the CloudFormation templates irctl deploys to member accounts, and a parameters file,"
          + " without calling AWS.",
      "",
      "irctl-member-rules.template.json: forwarder rules (irctl-forward-<source>) that send the"
          + " events of the selected rules whose events happen in member accounts to the security"
          + " account's hub bus, each event once (GuardDuty finding rules stay in the delegated"
          + " admin account, where members' findings arrive). Deploy it to every region: conditions"
          + " add the global rules' events in us-east-1 (and each partition's home region) only.",
      "irctl-member-role.template.json: the role irctl-event-forwarder (IAM is global): deploy it"
          + " once per account, in one region, before the rules.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl export cloudformation --security-account $ID --hub-region eu-west-1",
      "    (ID: the security account that owns the hub bus; --out DIR picks the folder)"
    })
final class ExportCloudFormationCommand implements Callable<Integer> {
  static final String RULES_FILE = "irctl-member-rules.template.json";
  static final String ROLE_FILE = "irctl-member-role.template.json";
  static final String PARAMETERS_FILE = "irctl-member-rules.parameters.json";

  @Mixin CatalogOptions catalog;
  @Mixin ParameterOptions parameters;
  @Mixin RuleSelectionOptions selection;

  @Option(
      names = "--security-account",
      required = true,
      paramLabel = "ID",
      description = "The account whose hub bus receives the events (12 digits).")
  String securityAccount;

  @Option(
      names = "--hub-region",
      required = true,
      paramLabel = "REGION",
      description = "The region of the hub bus.")
  String hubRegion;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Directory to write the files to (created if missing; default: current).")
  Path out;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OrgChecks.usage(() -> OrgInputs.accountId("--security-account", securityAccount));
    if (!hubRegion.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw UserException.usage(
          "--hub-region " + hubRegion + ": not a region name such as eu-west-1.");
    }
    Catalog loaded = catalog.load();
    CatalogRules.Resolved resolved =
        CatalogRules.resolve(loaded, selection.selection(), parameters.settings(), false);
    new SelectionNotes(spec).print(resolved);
    List<DesiredRule> desired = resolved.rules();
    if (MemberRulesTemplate.memberRules(desired).isEmpty()) {
      throw UserException.usage(
          "the selection has only GuardDuty finding rules, which run in the delegated admin account:"
              + " no member rules to export.");
    }
    JsonNode template = OrgChecks.usage(() -> MemberRulesTemplate.rules(desired, loaded.version()));
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    write(RULES_FILE, template);
    write(ROLE_FILE, MemberRulesTemplate.role());
    write(PARAMETERS_FILE, MemberRulesTemplate.parametersFile(securityAccount, hubRegion));
    int bytes = MemberRulesTemplate.bytes(template);
    stdout.printf(
        "%s  %d rules in %d forwarders, %d bytes compact%n",
        out.resolve(RULES_FILE),
        MemberRulesTemplate.memberRules(desired).size(),
        template.path("Resources").size(),
        bytes);
    stdout.printf("%s%n%s%n", out.resolve(ROLE_FILE), out.resolve(PARAMETERS_FILE));
    stdout.flush();
    if (!MemberRulesTemplate.fitsInline(template)) {
      stderr.printf(
          "warning: the rules template is %d bytes compact, over CloudFormation's inline limit of"
              + " %d: upload it to S3 and pass it as a template URL.%n",
          bytes, MemberRulesTemplate.INLINE_LIMIT);
      stderr.flush();
    }
    return ExitCode.OK;
  }

  private void write(String name, JsonNode content) {
    try {
      Files.createDirectories(out);
      Files.writeString(
          out.resolve(name),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(content) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(
          "--out " + out + ": cannot write " + name + " (" + e.getMessage() + ").",
          ExitCode.FAILURE);
    }
  }
}
