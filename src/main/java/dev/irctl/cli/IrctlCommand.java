package dev.irctl.cli;

import dev.irctl.engine.port.PortsFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(
    name = "irctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Makes an AWS account ready for the identification phase of incident response:",
      "GuardDuty in every region, the IAM policy to run it, and EventBridge rules that alert to SNS."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done, or nothing to change",
      "  1  failed (every region failed, no credentials, a check failed)",
      "  2  usage error: bad flag or input, nothing was sent to AWS",
      "  3  partial failure: some regions failed, the summary names them",
      "  plan --detailed-exitcode: 0 in sync, 2 changes pending, 1 failed (usage",
      "  errors too), 3 partial failure",
      "",
      "Examples:",
      "  irctl plan --all-regions --detailed-exitcode",
      "  irctl apply --all-regions",
      "  irctl status --all-regions",
      "  irctl enable-guardduty --all-regions",
      "  irctl install-policy --role incident-responders",
      "  irctl rules list",
      "  irctl apply-rules --all-regions --subscribe email:soc@example.com",
      "  irctl generate-completion > irctl_completion && . irctl_completion"
    })
public final class IrctlCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them. Not in the annotation: picocli reflects over
   * every option of every command it is given, which for this tree costs more than a run against
   * AWS takes (docs/benchmarks.md), so {@link #commandLine(IrctlCommand, String...)} builds only
   * the one a run invokes.
   */
  private static final java.util.List<Class<?>> SUBCOMMANDS =
      java.util.List.of(
          PlanCommand.class,
          ApplyCommand.class,
          StatusCommand.class,
          DoctorCommand.class,
          DrillCommand.class,
          EnableGuardDutyCommand.class,
          ApplyRulesCommand.class,
          RemoveRulesCommand.class,
          InstallPolicyCommand.class,
          PrintPolicyCommand.class,
          InitCommand.class,
          CommandLine.HelpCommand.class,
          picocli.AutoComplete.GenerateCompletion.class,
          RulesCommand.class,
          ExportCommand.class,
          OrgCommand.class);

  /** Commands that need every other command built: help on any of them, shell completion. */
  private static final java.util.Set<String> NEED_ALL =
      java.util.Set.of("help", "generate-completion");

  private final PortsFactory portsFactory;
  private Terminal terminal;
  private final java.time.Duration tick;
  private final ConfigOrigins configOrigins = new ConfigOrigins();
  private dev.irctl.engine.drill.DrillClock drillClock = dev.irctl.engine.drill.DrillClock.system();
  private final Interruption interruption = new Interruption();
  private java.util.function.Supplier<java.time.Duration> secondPassDelay =
      dev.irctl.engine.run.Runner.JITTERED_DELAY;

  @Spec CommandLine.Model.CommandSpec spec;

  public IrctlCommand(PortsFactory portsFactory) {
    this(portsFactory, Terminal.system(), dev.irctl.engine.run.Runner.DEFAULT_TICK);
  }

  /** With the terminal to ask on and the interval of "still waiting" lines (tests shorten it). */
  public IrctlCommand(PortsFactory portsFactory, Terminal terminal, java.time.Duration tick) {
    this.portsFactory = portsFactory;
    this.terminal = terminal;
    this.tick = tick;
  }

  public PortsFactory portsFactory() {
    return portsFactory;
  }

  /** What print-policy lists: the factory's, when it knows its adapters' actions (AWS's does). */
  public dev.irctl.engine.permissions.PermissionCatalog permissions() {
    return portsFactory instanceof dev.irctl.engine.permissions.PermissionCatalog catalog
        ? catalog
        : dev.irctl.engine.permissions.PermissionCatalog.NONE;
  }

  public Terminal terminal() {
    return terminal;
  }

  public java.time.Duration tick() {
    return tick;
  }

  IrctlCommand terminal(Terminal terminal) {
    this.terminal = terminal;
    return this;
  }

  /** The drill's time; tests run it in virtual time. */
  dev.irctl.engine.drill.DrillClock drillClock() {
    return drillClock;
  }

  IrctlCommand drillClock(dev.irctl.engine.drill.DrillClock clock) {
    this.drillClock = clock;
    return this;
  }

  /** Ctrl-C and SIGTERM during a run; tests interrupt through it in-process. */
  Interruption interruption() {
    return interruption;
  }

  /** The wait before a run's second pass over retryable failures (tests: none). */
  java.util.function.Supplier<java.time.Duration> secondPassDelay() {
    return secondPassDelay;
  }

  IrctlCommand secondPassDelay(java.util.function.Supplier<java.time.Duration> delay) {
    this.secondPassDelay = delay;
    return this;
  }

  ConfigOrigins configOrigins() {
    return configOrigins;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * Runs irctl as Main does: the config file's settings are added to the arguments first, so a bad
   * config file is a usage error like a bad flag.
   */
  public static int execute(CommandLine commandLine, String... args) {
    String[] expanded;
    try {
      expanded = ConfigExpansion.expand(commandLine, args, java.nio.file.Path.of(""));
    } catch (dev.irctl.UserException e) {
      commandLine
          .getErr()
          .println(commandLine.getColorScheme().errorText("error: ") + e.getMessage());
      commandLine.getErr().flush();
      return e.exitCode() == dev.irctl.ExitCode.USAGE
          ? DetailedExitCode.usage(commandLine, args)
          : e.exitCode();
    }
    return commandLine.execute(expanded);
  }

  /** The fully wired command line: the one Main runs and tests run in-process. */
  public static CommandLine commandLine(PortsFactory portsFactory) {
    return commandLine(new IrctlCommand(portsFactory));
  }

  /**
   * The command line Main runs for {@code args}: see {@link #commandLine(IrctlCommand, String...)}.
   */
  public static CommandLine commandLine(PortsFactory portsFactory, String... args) {
    return commandLine(new IrctlCommand(portsFactory), args);
  }

  /** The whole command line over a given root (tests pass a fake terminal). */
  public static CommandLine commandLine(IrctlCommand root) {
    return build(root, null, null);
  }

  /**
   * The command line for running {@code args}: the subcommand they invoke is built in full, every
   * other one is only its name and description (all root help and error suggestions need). {@code
   * help} and {@code generate-completion} get the whole tree.
   */
  public static CommandLine commandLine(IrctlCommand root, String... args) {
    java.util.List<String> words = words(args);
    String invoked = words.isEmpty() ? "" : words.get(0);
    if (NEED_ALL.contains(invoked)) {
      return build(root, null, null);
    }
    return build(root, invoked, words.size() > 1 ? words.get(1) : "");
  }

  /** Whether {@code args} run one of the offline {@code rules} commands, which read the catalog. */
  public static boolean runsRulesCommand(String... args) {
    java.util.List<String> words = words(args);
    return !words.isEmpty() && words.get(0).equals("rules");
  }

  /** The first two words that are not options: the command and subcommand invoked. */
  private static java.util.List<String> words(String... args) {
    return java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).limit(2).toList();
  }

  /**
   * {@code only == null}: every subcommand in full; otherwise just that one, and of {@code rules}
   * just the {@code rulesOnly} subcommand.
   */
  private static CommandLine build(IrctlCommand root, String only, String rulesOnly) {
    CommandLine commandLine = new CommandLine(root);
    for (Class<?> type : SUBCOMMANDS) {
      if (type == RulesCommand.class && (only == null || only.equals("rules"))) {
        CommandLine rules = new CommandLine(new RulesCommand());
        addSubcommands(rules, RulesCommand.SUBCOMMANDS, rulesOnly);
        commandLine.addSubcommand("rules", rules);
      } else {
        addSubcommands(commandLine, java.util.List.of(type), only);
      }
    }
    commandLine.setExecutionExceptionHandler(new UserExceptionHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpAutoWidth(true);
    OptionGroups.install(commandLine);
    commandLine
        .getSubcommands()
        .get("generate-completion")
        .getCommandSpec()
        .usageMessage()
        .hidden(false);
    CommandLine printPolicy = commandLine.getSubcommands().get("print-policy");
    if (printPolicy.getCommandSpec().userObject() instanceof PrintPolicyCommand) {
      PrintPolicyCommand.offerCommands(printPolicy.getCommandSpec(), root.permissions()::commands);
    }
    return commandLine;
  }

  /** Each of {@code types} under {@code parent}: in full if it is {@code only} (or all if null). */
  private static void addSubcommands(
      CommandLine parent, java.util.List<Class<?>> types, String only) {
    for (Class<?> type : types) {
      Command command = type.getAnnotation(Command.class);
      if (only == null || only.equals(command.name())) {
        parent.addSubcommand(command.name(), type);
      } else {
        parent.addSubcommand(
            command.name(),
            CommandLine.Model.CommandSpec.create()
                .name(command.name())
                .usageMessage(
                    new CommandLine.Model.UsageMessageSpec()
                        .header(command.header())
                        .description(command.description())
                        .hidden(command.hidden())));
      }
    }
  }
}
