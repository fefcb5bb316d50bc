package dev.adafocus.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** One in-process run of the command line: its exit code and what it printed to stdout and stderr. */
public record CliRun(int code, String out, String err) {
  /** Runs {@code adafocus args...} through {@link Main#run}. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The JSON object on the last line of stdout (what {@code --json} prints). */
  public JsonObject json() {
    String[] lines = out.strip().split("\n");
    return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
  }

  /** {@code first} followed by {@code more}. */
  public static String[] concat(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
