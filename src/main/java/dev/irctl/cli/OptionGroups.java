package dev.irctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help's option list in groups under a heading ("Topic:", "AWS:"), so a command with twenty flags
 * reads by kind. The group comes from the mixin that declares the flag, the innermost one winning
 * (RuleOptions holds RuleTargetOptions: --topic-name is a Topic flag; a subclass of a mixin takes
 * its superclass's heading); a command's own flags are "Options:". Mixins rather than
 * {@code @ArgGroup}: every mixin is shared by several commands, and picocli's groups cannot hold
 * mixins, so grouping where the flags already live keeps one declaration per flag.
 */
final class OptionGroups {
  static final String OWN = "Options";

  /** Heading per mixin; groups print in the order their first flag appears. */
  private static final Map<Class<?>, String> HEADINGS =
      Map.ofEntries(
          Map.entry(AwsOptions.class, "AWS"),
          Map.entry(RegionalAwsOptions.class, "AWS"),
          Map.entry(RuleReadOptions.class, "Rules"),
          Map.entry(CatalogOptions.class, "Rules"),
          Map.entry(ParameterOptions.class, "Rules"),
          Map.entry(RuleTargetOptions.class, "Topic"),
          Map.entry(RuleHubOption.class, "Topic"),
          Map.entry(GuardDutyOptions.class, "GuardDuty"),
          Map.entry(PolicyOptions.class, "Policy"),
          Map.entry(OrgOptions.class, "Organization"),
          Map.entry(FormatOptions.class, "Output"),
          Map.entry(OutputFileOption.class, "Output"),
          Map.entry(DryRunOption.class, "Run"),
          Map.entry(ApproveOption.class, "Run"));

  private OptionGroups() {}

  /** Replaces the option list of {@code command} and every subcommand with the grouped one. */
  static void install(CommandLine command) {
    command
        .getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
    command
        .getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, OptionGroups::render);
    command.getSubcommands().values().forEach(OptionGroups::install);
  }

  /** The visible options of {@code spec} by heading, in the order help shows them. */
  static Map<String, List<OptionSpec>> groups(CommandSpec spec) {
    Map<String, String> heading = new java.util.HashMap<>();
    assign(spec, heading);
    Map<String, List<OptionSpec>> groups = new LinkedHashMap<>();
    for (OptionSpec option : spec.options()) {
      if (!option.hidden()) {
        groups
            .computeIfAbsent(
                heading.getOrDefault(option.longestName(), OWN), h -> new ArrayList<>())
            .add(option);
      }
    }
    return groups;
  }

  /**
   * Innermost mixins first, so a nested mixin's heading is not overwritten by its parent's; by
   * name, as a parent mixin holds its own copies of a nested mixin's options.
   */
  private static void assign(CommandSpec spec, Map<String, String> heading) {
    for (CommandSpec mixin : spec.mixins().values()) {
      assign(mixin, heading);
      String name = heading(mixin.userObject().getClass());
      if (name != null) {
        mixin.options().forEach(o -> heading.putIfAbsent(o.longestName(), name));
      }
    }
  }

  /** A mixin's heading, or its superclass's (RuleOptions extends RuleReadOptions: "Rules"). */
  private static String heading(Class<?> mixin) {
    for (Class<?> c = mixin; c != null; c = c.getSuperclass()) {
      String name = HEADINGS.get(c);
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  private static String render(CommandLine.Help help) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, List<OptionSpec>> group : groups(help.commandSpec()).entrySet()) {
      text.append(help.createHeading("%n" + group.getKey() + ":%n"));
      text.append(help.optionListExcludingGroups(group.getValue()));
    }
    return text.toString();
  }
}
