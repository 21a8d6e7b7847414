package dev.irctl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void alignsColumnsTwoSpacesApartWithoutTrailingBlanks() {
    StringWriter out = new StringWriter();
    new TextTable("ID", "SEVERITY", "TITLE")
        .row("a-long-id", "high", "One")
        .row("b", "low", "")
        .print(new PrintWriter(out));

    assertThat(out.toString().lines())
        .containsExactly(
            "ID         SEVERITY  TITLE", "a-long-id  high      One", "b          low");
  }

  @Test
  void rejectsARowWithTheWrongNumberOfCells() {
    assertThatThrownBy(() -> new TextTable("A", "B").row("only-one"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
