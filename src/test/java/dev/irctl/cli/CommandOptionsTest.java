package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.fakes.FakePorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * No command takes a flag it ignores. A mixin brings all of its flags, so sharing one (RuleOptions,
 * RegionalAwsOptions, OutputOptions) can quietly add a flag a command never reads: {@code
 * install-policy --region} once did nothing. Each command's flags are listed here, in groups, with
 * what the command does with them; a flag a command declares that no group of it names fails the
 * test (remove it from the command, splitting the mixin, or say here why it is read), and so does a
 * listed flag the command no longer has. The flags taken away are refused like any unknown one.
 */
class CommandOptionsTest {
  /** Some flags and what the commands listed with them do with them. */
  record Group(String reads, Set<String> flags) {
    Group(String reads, String... flags) {
      this(reads, Set.of(flags));
    }
  }

  private static final Group HELP =
      new Group("picocli's standard help: --help, and --version", "--help", "--version");
  private static final Group SESSION =
      new Group(
          "the AWS session every call of the command uses: credentials, role, endpoint, timeouts;"
              + " --config fills the command's flags from irctl.yaml",
          "--profile",
          "--endpoint-url",
          "--config",
          "--role-arn",
          "--external-id",
          "--role-session-name",
          "--role-duration",
          "--call-timeout");
  private static final Group REGIONS =
      new Group(
          "the regions the command reads or writes in, and how many at once",
          "--region",
          "--all-regions",
          "--concurrency");
  private static final Group OUTPUT =
      new Group(
          "text or the JSON document on stdout; colour in the text; -v stack traces",
          "--output",
          "--no-color",
          "--verbose");
  private static final Group PLAIN_OUTPUT =
      new Group(
          "text or JSON on stdout; -v stack traces (the text has no colour, so no --no-color)",
          "--output",
          "--verbose");
  private static final Group OUTPUT_FILE =
      new Group("the JSON document, written to FILE as well", "--output-file");
  private static final Group RUN =
      new Group("plan only, or apply without asking", "--dry-run", "--auto-approve");
  private static final Group APPROVE = new Group("apply without asking", "--auto-approve");
  private static final Group GUARDDUTY =
      new Group(
          "the detector's settings the command plans",
          "--finding-frequency",
          "--feature",
          "--no-feature",
          "--threat-intel-set",
          "--trusted-ip-set");
  private static final Group CATALOG =
      new Group("which rule files are loaded", "--catalog", "--no-bundled");
  private static final Group PARAMETERS =
      new Group("rule parameters rendered into the patterns", "--set");
  private static final Group SELECTION =
      new Group("which catalog rules", "--rule", "--exclude", "--category");
  private static final Group TOPIC =
      new Group(
          "the alert topic's name (in its ARN); --event-bus (hidden) is refused with why",
          "--topic-name",
          "--event-bus");
  private static final Group MESSAGE_FORMAT =
      new Group(
          "the rules' target input (apply-rules, plan, apply; status compares it); doctor checks"
              + " readable messages against chat subscribers",
          "--message-format");
  private static final Group DELIVERY =
      new Group(
          "where and how the rules alert: the hub, the topic's key and subscribers (made by"
              + " apply-rules, compared by status)",
          "--hub-region",
          "--kms-key",
          "--subscribe");
  private static final Group PRUNE =
      new Group("orphaned irctl rules are deleted, not only shown", "--prune");
  private static final Group POLICY =
      new Group(
          "the IAM policy's name, principals and adoption",
          "--role",
          "--group",
          "--user",
          "--policy-name",
          "--adopt");
  private static final Group PLAN_OUT =
      new Group("exit 2 on changes; the plan saved for apply FILE", "--detailed-exitcode", "--out");
  private static final Group SAVED_PLAN = new Group("how old a plan FILE may be", "--max-plan-age");
  private static final Group STACK_SETS =
      new Group(
          "where the member stack sets are administered and how they roll out; --stack-set-region"
              + " (hidden) is refused with its replacement",
          "--hub-region",
          "--stack-set-region",
          "--failure-tolerance",
          "--max-concurrent");
  private static final Group ORG =
      new Group("members' auto-enable and the OUs the member rules go to", "--auto-enable", "--ou");

  /** Every command and subcommand, by its name under irctl, with the groups it reads. */
  private static final Map<String, List<Group>> COMMANDS = new LinkedHashMap<>();

  static {
    List<Group> account =
        List.of(GUARDDUTY, CATALOG, PARAMETERS, SELECTION, TOPIC, MESSAGE_FORMAT, DELIVERY, PRUNE);
    COMMANDS.put("", List.of(HELP));
    COMMANDS.put("plan", concat(regional(OUTPUT_FILE, PLAN_OUT, POLICY), account));
    COMMANDS.put("apply", concat(regional(OUTPUT_FILE, APPROVE, POLICY, SAVED_PLAN), account));
    COMMANDS.put(
        "status",
        regional(OUTPUT_FILE, CATALOG, PARAMETERS, SELECTION, TOPIC, MESSAGE_FORMAT, DELIVERY));
    COMMANDS.put(
        "doctor",
        regional(
            OUTPUT_FILE,
            CATALOG,
            new Group("the honey buckets doctor checks CloudTrail records", "--set"),
            new Group(
                "whether the honey-bucket rule is selected", "--rule", "--exclude", "--category"),
            TOPIC,
            MESSAGE_FORMAT));
    COMMANDS.put(
        "drill",
        regional(
            OUTPUT_FILE,
            new Group(
                "the rules whose deployed patterns the drill checks against the catalog's examples",
                "--catalog",
                "--no-bundled",
                "--set",
                "--rule",
                "--exclude",
                "--category"),
            TOPIC,
            new Group("how long to wait for the sample finding", "--timeout"),
            new Group("send the sample finding without asking", "--auto-approve")));
    COMMANDS.put("enable-guardduty", regional(RUN, GUARDDUTY));
    COMMANDS.put("apply-rules", concat(regional(RUN), account.subList(1, account.size())));
    COMMANDS.put(
        "remove-rules",
        regional(
            RUN,
            TOPIC,
            new Group(
                "the catalog's console sign-in rules, followed to the regions they were carried to",
                "--catalog",
                "--no-bundled"),
            new Group("also the topic", "--delete-topic"),
            new Group("subscriptions irctl made, which do not keep the topic", "--subscribe")));
    COMMANDS.put("install-policy", List.of(HELP, SESSION, OUTPUT, RUN, POLICY));
    COMMANDS.put(
        "print-policy",
        List.of(
            HELP,
            new Group(
                "the STS call --guardduty-admin makes without --account-id; --config fills"
                    + " --policy-name and --topic-name from irctl.yaml",
                SESSION.flags()),
            new Group(
                "which policy, and the names and account in its ARNs; --event-bus (hidden) is"
                    + " refused with why",
                "--command",
                "--read-only",
                "--guardduty-admin",
                "--account-id",
                "--partition",
                "--policy-name",
                "--topic-name",
                "--event-bus")));
    COMMANDS.put(
        "init",
        List.of(
            HELP,
            new Group("the file written", "--file", "--force"),
            new Group(
                "the caller lookup init offers in the file",
                "--profile",
                "--endpoint-url",
                "--no-caller")));
    COMMANDS.put("help", List.of(new Group("help on help", "--help")));
    COMMANDS.put("generate-completion", List.of(HELP));
    COMMANDS.put("rules", List.of(HELP));
    COMMANDS.put("rules list", List.of(HELP, CATALOG, PLAIN_OUTPUT));
    COMMANDS.put(
        "rules show",
        List.of(
            HELP,
            CATALOG,
            PLAIN_OUTPUT,
            PARAMETERS,
            new Group("the examples' values for parameters not set", "--use-examples")));
    COMMANDS.put("rules validate", List.of(HELP, CATALOG, PLAIN_OUTPUT));
    COMMANDS.put("rules test", List.of(HELP, CATALOG, OUTPUT));
    COMMANDS.put(
        "rules match",
        List.of(
            HELP,
            CATALOG,
            PLAIN_OUTPUT,
            PARAMETERS,
            new Group("print only the events that fire a rule", "--only-matches")));
    COMMANDS.put("rules docs", List.of(HELP, CATALOG));
    COMMANDS.put(
        "rules diff",
        List.of(HELP, CATALOG, PLAIN_OUTPUT, new Group("the catalog compared with", "--from")));
    COMMANDS.put("export", List.of(HELP));
    COMMANDS.put(
        "export cloudformation",
        List.of(
            HELP,
            CATALOG,
            PARAMETERS,
            SELECTION,
            new Group(
                "the hub the member rules forward to, and where the files go",
                "--security-account",
                "--hub-region",
                "--out")));
    COMMANDS.put("org", List.of(HELP));
    COMMANDS.put(
        "org delegate",
        regional(
            RUN,
            new Group("the account made GuardDuty's delegated administrator", "--admin-account")));
    COMMANDS.put(
        "org status",
        regional(
            OUTPUT_FILE,
            new Group(
                "where the member stack sets are read; --stack-set-region (hidden) is refused with"
                    + " its replacement",
                "--hub-region",
                "--stack-set-region"),
            new Group("the text lists only accounts with a gap", "--gaps-only"),
            new Group("exit 2 when some account has a gap", "--detailed-exitcode")));
    List<Group> org = List.of(GUARDDUTY, CATALOG, PARAMETERS, SELECTION, STACK_SETS, ORG);
    COMMANDS.put("org plan", concat(regional(OUTPUT_FILE, PLAN_OUT), org));
    COMMANDS.put("org apply", concat(regional(OUTPUT_FILE, APPROVE, SAVED_PLAN), org));
    COMMANDS.put(
        "org remove",
        regional(
            OUTPUT_FILE,
            RUN,
            STACK_SETS,
            new Group("leave the stack sets and the hub bus policy alone", "--no-stack-sets")));
  }

  private static void walk(CommandLine command, Map<String, CommandLine> tree) {
    tree.put(command.getCommandSpec().qualifiedName(" ").replaceFirst("^irctl ?", ""), command);
    command.getSubcommands().values().forEach(sub -> walk(sub, tree));
  }

  /** A command that reads or writes AWS region by region: help, the session, regions, output. */
  private static List<Group> regional(Group... more) {
    List<Group> all = new ArrayList<>(List.of(HELP, SESSION, REGIONS, OUTPUT));
    all.addAll(List.of(more));
    return all;
  }

  private static List<Group> concat(List<Group> first, List<Group> second) {
    List<Group> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  @Test
  void everyFlagOfEveryCommandIsOneTheCommandReads() {
    Map<String, CommandLine> tree = new LinkedHashMap<>();
    walk(IrctlCommand.commandLine(CliRun.noAws()), tree);

    assertThat(tree.keySet()).as("commands").containsExactlyInAnyOrderElementsOf(COMMANDS.keySet());
    List<String> problems = new ArrayList<>();
    tree.forEach(
        (name, command) -> {
          Set<String> declared =
              command.getCommandSpec().options().stream()
                  .map(OptionSpec::longestName)
                  .collect(Collectors.toCollection(TreeSet::new));
          Set<String> read =
              COMMANDS.get(name).stream()
                  .flatMap(g -> g.flags().stream())
                  .collect(Collectors.toCollection(TreeSet::new));
          Set<String> ignored = new TreeSet<>(declared);
          ignored.removeAll(read);
          Set<String> gone = new TreeSet<>(read);
          gone.removeAll(declared);
          if (!ignored.isEmpty()) {
            problems.add(
                "irctl " + name + " takes " + ignored + ", which it is not listed to read");
          }
          if (!gone.isEmpty()) {
            problems.add("irctl " + name + " no longer takes " + gone);
          }
        });
    assertThat(problems).isEmpty();
  }

  /** A command and a flag it used to take through a shared mixin and never read. */
  static Stream<Arguments> removedFlags() {
    return Stream.<String[]>of(
            new String[] {"--prune", "status", "--region=eu-west-1", "--prune"},
            new String[] {"--prune", "doctor", "--region=eu-west-1", "--prune"},
            new String[] {"--hub-region", "doctor", "--region=eu-west-1", "--hub-region=eu-west-1"},
            new String[] {"--kms-key", "doctor", "--region=eu-west-1", "--kms-key=alias/k"},
            new String[] {"--subscribe", "doctor", "--region=eu-west-1", "--subscribe=email:a@b.c"},
            new String[] {"--prune", "drill", "--region=eu-west-1", "--prune"},
            new String[] {"--hub-region", "drill", "--region=eu-west-1", "--hub-region=eu-west-1"},
            new String[] {
              "--message-format", "drill", "--region=eu-west-1", "--message-format=raw"
            },
            new String[] {"--kms-key", "drill", "--region=eu-west-1", "--kms-key=alias/k"},
            new String[] {"--subscribe", "drill", "--region=eu-west-1", "--subscribe=email:a@b.c"},
            new String[] {
              "--hub-region", "remove-rules", "--region=eu-west-1", "--hub-region=eu-west-1"
            },
            new String[] {"--region", "install-policy", "--role=r", "--region=eu-west-1"},
            new String[] {"--concurrency", "install-policy", "--role=r", "--concurrency=2"},
            new String[] {"--no-color", "rules", "list", "--no-color"},
            new String[] {"--no-color", "rules", "show", "iam-mfa-deactivated", "--no-color"},
            new String[] {"--no-color", "rules", "validate", "--no-color"},
            new String[] {"--no-color", "rules", "match", "-", "--no-color"},
            new String[] {"--no-color", "rules", "diff", "--from=rules", "--no-color"})
        .map(a -> Arguments.of(a[0], java.util.Arrays.copyOfRange(a, 1, a.length)));
  }

  @ParameterizedTest(name = "{1} ... {0}")
  @MethodSource("removedFlags")
  void aFlagACommandWouldIgnoreIsRefusedAsUnknown(String flag, String[] args) {
    FakePorts aws = new FakePorts();
    CliRun.refused(aws, args).contains("Unknown option: '" + flag);
  }

  /**
   * status keeps the topic's --kms-key and --subscribe (they are not apply-rules' alone): it
   * compares the topic with what apply-rules would make of them, so both show in its document.
   */
  @Test
  void statusComparesTheTopicsKeyAndSubscribersItIsGiven() throws Exception {
    FakePorts aws = new FakePorts();
    // eu-west-1 and the regions the sign-in rules are carried to
    for (String r :
        List.of("eu-west-1", "us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2")) {
      aws.kmsIn(r).key("alias/irctl", false, "{\"Statement\":[]}");
    }
    String[] region = {"--region=eu-west-1", "--set=bucketNames=honey"};
    CliRun applied =
        CliRun.run(aws, concat(new String[] {"apply-rules", "--auto-approve"}, region));
    assertThat(applied.exitCode()).as(applied.err()).isZero();

    String plain = rulesChanges(aws, region);
    String keyed = rulesChanges(aws, concat(region, "--kms-key=alias/irctl"));
    String subscribed = rulesChanges(aws, concat(region, "--subscribe=email:soc@example.com"));

    assertThat(plain).isEqualTo("[]");
    assertThat(keyed).contains("KmsMasterKeyId").contains("alias/irctl");
    assertThat(subscribed).contains("soc@example.com");
  }

  /** status' planned changes of the rules part in eu-west-1, as JSON. */
  private static String rulesChanges(FakePorts aws, String... args) throws Exception {
    CliRun run = CliRun.run(aws, concat(new String[] {"status", "--output=json"}, args));
    assertThat(run.exitCode()).as(run.err()).isZero();
    for (var result : dev.irctl.render.Json.mapper().readTree(run.out()).path("results")) {
      if (result.path("part").asText().equals("rules")
          && result.path("region").asText().equals("eu-west-1")) {
        return result.path("changes").toString();
      }
    }
    throw new AssertionError("no rules result in eu-west-1: " + run.out());
  }

  private static String[] concat(String[] args, String... more) {
    return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
  }
}
