package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogMatcher;
import dev.irctl.catalog.EventInput;
import dev.irctl.catalog.EventReplay;
import dev.irctl.catalog.PatternRenderer;
import dev.irctl.catalog.RenderedRule;
import dev.irctl.catalog.Rule;
import dev.irctl.render.MatchLines;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    name = "match",
    description = {
      "Replay recorded events against the catalog: for each event, the rules that would fire.",
      "",
      "Reads a single event, a JSON array, JSON lines, a CloudTrail log file ({\"Records\": [...]}, gzipped or not) or"
          + " 'aws cloudtrail lookup-events' output. Bare CloudTrail records are wrapped into the envelope EventBridge"
          + " delivers. Prints INDEX TIME EVENT RULES per event ('-' when none fires), and a count on stderr.",
      ""
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl rules match 111122223333_CloudTrail_us-east-1_20250101T0000Z.json.gz",
      "  aws cloudtrail lookup-events | irctl rules match - --only-matches",
      "  irctl rules match events.jsonl --set bucketNames=corp-honey --output json"
    })
final class RulesMatchCommand extends CatalogCommand {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Event files; - reads standard input.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--only-matches",
      description = "Print only the events that fire at least one rule.")
  boolean onlyMatches;

  @Mixin ParameterOptions parameters;

  @Mixin FormatOptions output;

  @Override
  public Integer call() {
    List<EventInput> inputs =
        files.stream()
            .map(
                file ->
                    file.equals("-") ? EventInput.stdin(System.in) : EventInput.file(Path.of(file)))
            .toList();
    Catalog catalog = catalogOptions.loadSchemaChecked();
    CatalogMatcher matcher = CatalogMatcher.compile(render(catalog, parameters.settings()));
    PrintWriter err = err();
    MatchLines lines =
        new MatchLines(
            new BufferedWriter(out(), 1 << 16), output.json(), inputs.size() > 1, onlyMatches);
    EventReplay.Summary summary;
    try {
      summary = new EventReplay(matcher).run(inputs, lines::write);
    } finally {
      lines.flush();
    }
    err.println(
        summary.events()
            + " events, "
            + summary.matchedEvents()
            + " fired at least one rule"
            + (summary.rulesFired().isEmpty()
                ? ""
                : " (" + String.join(", ", summary.rulesFired()) + ")"));
    err.flush();
    return ExitCode.OK;
  }

  /**
   * Rules whose required parameters are not set cannot be matched; say so rather than guess their
   * values.
   */
  private List<RenderedRule> render(Catalog catalog, Map<String, String> settings) {
    PatternRenderer.rejectUnknown(catalog.rules(), settings);
    PatternRenderer renderer = new PatternRenderer();
    List<RenderedRule> rendered = new ArrayList<>();
    for (Rule rule : catalog.rules()) {
      if (renderer.canRender(rule, settings)) {
        rendered.add(new RenderedRule(rule, renderer.render(rule, settings)));
      } else {
        spec.commandLine()
            .getErr()
            .println(
                "warning: skipping rule "
                    + rule.id()
                    + ": it needs "
                    + String.join(
                        " ",
                        renderer.missing(rule, settings).stream().map(p -> p.setFlag()).toList()));
      }
    }
    return rendered;
  }
}
