package dev.irctl.cli;

import dev.irctl.engine.rules.MessageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * doctor's rule flags: drill's, plus the message format the rules were deployed with (doctor warns
 * when readable messages go to a chat endpoint that wants the raw event).
 */
@Command
public class RuleCheckOptions extends RuleReadOptions {
  @Option(
      names = "--message-format",
      paramLabel = "raw|readable",
      defaultValue = "raw",
      description =
          "raw: the whole event (default); readable: one short message for email readers.")
  MessageFormat messageFormat = MessageFormat.RAW;

  @Override
  MessageFormat messageFormat() {
    return messageFormat;
  }
}
