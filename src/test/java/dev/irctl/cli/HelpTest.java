package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Every command's help: examples that parse and name real rules, one-sentence summaries, width. */
class HelpTest {
  /** Examples fit an 80-column terminal with the two-space indent, so none wraps mid-token. */
  private static final int MAX_EXAMPLE = 78;

  private static final Set<String> RULE_ID_OPTIONS = Set.of("--rule", "--exclude");

  private record Example(String command, String line) {}

  private static List<CommandLine> allCommands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    root.getSubcommands().values().forEach(sub -> all.addAll(allCommands(sub)));
    return all.stream().distinct().toList();
  }

  private static CommandLine root() {
    return IrctlCommand.commandLine(CliRun.noAws());
  }

  /** The lines under "Examples:" in a command's footer (or footer heading). */
  static List<Example> examples(CommandSpec spec) {
    List<String> lines = new ArrayList<>();
    String heading = spec.usageMessage().footerHeading();
    if (heading != null) {
      lines.addAll(List.of(heading.replace("%n", "\n").split("\n")));
    }
    lines.addAll(List.of(spec.usageMessage().footer()));
    List<Example> examples = new ArrayList<>();
    boolean inExamples = false;
    for (String line : lines) {
      if (line.trim().equals("Examples:")) {
        inExamples = true;
      } else if (inExamples && line.startsWith("  irctl ")) {
        examples.add(new Example(spec.qualifiedName(), line));
      } else if (inExamples && !line.startsWith("    ")) {
        inExamples = line.isBlank() ? inExamples : false;
      }
    }
    return examples;
  }

  /** The words irctl sees: shell comments, redirections and pipes cut off, quotes removed. */
  static List<String> words(String line) {
    String command = line.trim();
    for (String cut : new String[] {" #", " >", " |", " &&", " <"}) {
      int at = command.indexOf(cut);
      if (at >= 0) {
        command = command.substring(0, at);
      }
    }
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ' ') {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words.subList(1, words.size()); // drop "irctl"
  }

  private static List<Example> allExamples() {
    List<Example> all = new ArrayList<>();
    allCommands(root()).forEach(c -> all.addAll(examples(c.getCommandSpec())));
    return all;
  }

  @Test
  void everyCommandThatActsHasExamples() {
    for (CommandLine command : allCommands(root())) {
      String name = command.getCommandSpec().name();
      if (Set.of("help", "generate-completion").contains(name)) {
        continue;
      }
      assertThat(examples(command.getCommandSpec()))
          .as("examples of " + command.getCommandSpec().qualifiedName())
          .isNotEmpty();
    }
  }

  @Test
  void everyExampleParsesAndNamesRulesThatExist() {
    Catalog catalog = Catalog.load(CatalogSources.bundledOnly());
    List<String> problems = new ArrayList<>();
    CommandLine root = root(); // picocli resets every option before each parse
    for (Example example : allExamples()) {
      List<String> words = words(example.line());
      try {
        ParseResult parsed = root.parseArgs(words.toArray(String[]::new));
        for (String id : ruleIds(parsed)) {
          if (catalog.find(id).isEmpty()) {
            problems.add(example.command() + ": " + example.line() + " names no rule " + id);
          }
        }
      } catch (CommandLine.ParameterException e) {
        problems.add(example.command() + ": " + example.line() + " -> " + e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Rule ids an example names: --rule and --exclude values, and rules show/test's ID. */
  private static Set<String> ruleIds(ParseResult parsed) {
    Set<String> ids = new TreeSet<>();
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      for (var option : p.matchedOptions()) {
        if (RULE_ID_OPTIONS.contains(option.longestName())) {
          List<String> values = option.getValue();
          values.forEach(v -> ids.addAll(List.of(v.split(","))));
        }
      }
      String name = p.commandSpec().qualifiedName();
      if (name.equals("irctl rules show") || name.equals("irctl rules test")) {
        for (var positional : p.matchedPositionals()) {
          Object value = positional.getValue();
          if (value instanceof List<?> list) {
            list.forEach(v -> ids.add(v.toString()));
          } else {
            ids.add(value.toString());
          }
        }
      }
    }
    return ids;
  }

  @Test
  void everyExampleFitsAnEightyColumnTerminal() {
    for (Example example : allExamples()) {
      assertThat(example.line().length())
          .as(example.command() + ": " + example.line())
          .isLessThanOrEqualTo(MAX_EXAMPLE);
    }
  }

  @Test
  void theCommandListShowsOneWholeSentencePerCommand() {
    for (Map.Entry<String, CommandLine> sub : root().getSubcommands().entrySet()) {
      CommandSpec spec = sub.getValue().getCommandSpec();
      String[] lines =
          spec.usageMessage().header().length > 0
              ? spec.usageMessage().header()
              : spec.usageMessage().description();
      assertThat(lines).as(sub.getKey()).isNotEmpty();
      String summary = lines[0];
      assertThat(summary)
          .as(sub.getKey() + " summary")
          .matches("[A-Z].*[.]")
          .doesNotContain(". ")
          .hasSizeLessThanOrEqualTo(90);
    }
  }

  @Test
  void commandsWithManyFlagsGroupThemUnderHeadings() {
    Map<String, List<String>> expected =
        Map.of(
            "apply-rules", List.of("AWS:", "Output:", "Run:", "Rules:", "Topic:"),
            "remove-rules", List.of("AWS:", "Output:", "Run:", "Topic:", "Options:"),
            "plan", List.of("AWS:", "Rules:", "Topic:", "GuardDuty:"),
            "apply", List.of("AWS:", "Run:", "Rules:", "Topic:", "GuardDuty:"));
    CommandLine root = root();
    expected.forEach(
        (name, headings) -> {
          String help = root.getSubcommands().get(name).getUsageMessage();
          List<String> lines = List.of(help.split("\\R"));
          assertThat(lines).as(name + " help").contains(headings.toArray(String[]::new));
          // --topic-name sits under Topic:, not under the heading before it.
          int topic = lines.indexOf("Topic:");
          int next = topic + 1;
          while (next < lines.size() && !lines.get(next).matches("[A-Z][A-Za-z]*:")) {
            next++;
          }
          assertThat(String.join("\n", lines.subList(topic, next)))
              .as(name + " Topic group")
              .contains("--topic-name");
        });
    CommandLine org = root.getSubcommands().get("org").getSubcommands().get("apply");
    assertThat(org.getUsageMessage()).contains("AWS:", "Organization:");
  }

  @Test
  void everyVisibleFlagIsInExactlyOneGroup() {
    for (CommandLine command : allCommands(root())) {
      CommandSpec spec = command.getCommandSpec();
      List<String> grouped = new ArrayList<>();
      OptionGroups.groups(spec).values().forEach(g -> g.forEach(o -> grouped.add(o.longestName())));
      List<String> visible =
          spec.options().stream().filter(o -> !o.hidden()).map(o -> o.longestName()).toList();
      assertThat(grouped).as(spec.qualifiedName()).containsExactlyInAnyOrderElementsOf(visible);
      String help = command.getUsageMessage();
      for (String name : visible) {
        assertThat(help).as(spec.qualifiedName() + " help shows " + name).contains(name);
      }
    }
  }

  @Test
  void noHelpParagraphIsWrappedByHand() {
    // Auto width wraps paragraphs; a sentence split over two entries breaks mid-sentence instead.
    for (CommandLine command : allCommands(root())) {
      var usage = command.getCommandSpec().usageMessage();
      for (String[] entries : List.of(usage.description(), usage.footer())) {
        for (int i = 0; i + 1 < entries.length; i++) {
          String line = entries[i];
          String next = entries[i + 1];
          boolean continues = !next.isBlank() && !next.startsWith(" ");
          assertThat(line.isBlank() || line.startsWith(" ") || !continues || line.matches(".*[.:]"))
              .as(
                  command.getCommandSpec().qualifiedName()
                      + ": \""
                      + line
                      + "\" goes on in the next entry")
              .isTrue();
        }
      }
    }
  }

  @Test
  void everyCommandSizesItsHelpToTheTerminal() {
    for (CommandLine command : allCommands(root())) {
      assertThat(command.getCommandSpec().usageMessage().autoWidth())
          .as(command.getCommandSpec().qualifiedName())
          .isTrue();
    }
  }

  @Test
  void theExampleWordsAreWhatTheShellWouldPass() {
    assertThat(words("  irctl print-policy --read-only   # for CI"))
        .containsExactly("print-policy", "--read-only");
    assertThat(words("  irctl rules docs > rules.md")).containsExactly("rules", "docs");
    assertThat(words("  irctl rules match 'a b.json' --output json"))
        .containsExactly("rules", "match", "a b.json", "--output", "json");
  }
}
