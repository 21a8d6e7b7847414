package dev.irctl.render;

/** ANSI colour for status words when writing to a terminal; plain text otherwise. */
public final class Style {
  private final boolean color;

  public Style(boolean color) {
    this.color = color;
  }

  public static Style plain() {
    return new Style(false);
  }

  public String ok(String text) {
    return paint("32", text);
  }

  public String change(String text) {
    return paint("33", text);
  }

  public String bad(String text) {
    return paint("31", text);
  }

  public String dim(String text) {
    return paint("2", text);
  }

  private String paint(String code, String text) {
    return color ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
  }
}
