package dev.adafocus.viz;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.adafocus.DataFormatException;
import dev.adafocus.data.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's {@code scalars.jsonl}: one JSON object per line with a numeric {@code epoch}, optional {@code iter} and
 * {@code mode} ("train" when absent), and numeric metrics. Keys that describe time or position rather than a metric
 * are not metrics; non-numeric values are ignored.
 */
public final class ScalarsLog {
  /** Keys that are never plotted as metrics. */
  public static final Set<String> NOT_METRICS = Set.of("epoch", "iter", "mode", "step", "time", "data_time", "eta",
      "memory");

  /** One line of the log. */
  public record Entry(int line, String mode, double epoch, double iter, Map<String, Double> metrics) {}

  private ScalarsLog() {}

  /** Reads every non-blank line of {@code file}. */
  public static List<Entry> read(Path file) {
    List<String> lines;
    try {
      lines = TextFiles.readLines(file);
    } catch (IOException e) {
      throw new DataFormatException(file, 0, "cannot read: " + e.getMessage());
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        entries.add(parse(file, i + 1, lines.get(i)));
      }
    }
    return entries;
  }

  private static Entry parse(Path file, int line, String text) {
    JsonObject obj;
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        throw new DataFormatException(file, line, "expected a JSON object, got " + abbreviate(text));
      }
      obj = e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new DataFormatException(file, line, "not valid JSON: " + abbreviate(text));
    }
    if (!isNumber(obj.get("epoch"))) {
      throw new DataFormatException(file, line, "needs a numeric \"epoch\"");
    }
    String mode = "train";
    if (obj.has("mode")) {
      JsonElement m = obj.get("mode");
      if (!m.isJsonPrimitive() || !m.getAsJsonPrimitive().isString()) {
        throw new DataFormatException(file, line, "\"mode\" must be a string such as \"train\" or \"val\"");
      }
      mode = m.getAsString();
    }
    double iter = isNumber(obj.get("iter")) ? obj.get("iter").getAsDouble() : Double.NaN;
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> kv : obj.entrySet()) {
      if (!NOT_METRICS.contains(kv.getKey()) && isNumber(kv.getValue())) {
        metrics.put(kv.getKey(), kv.getValue().getAsDouble());
      }
    }
    return new Entry(line, mode, obj.get("epoch").getAsDouble(), iter, metrics);
  }

  private static boolean isNumber(JsonElement e) {
    return e != null && e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber();
  }

  private static String abbreviate(String text) {
    String t = text.strip();
    return t.length() <= 60 ? t : t.substring(0, 57) + "...";
  }
}
