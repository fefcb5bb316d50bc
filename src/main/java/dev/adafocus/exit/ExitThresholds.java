package dev.adafocus.exit;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.adafocus.DataFormatException;
import dev.adafocus.data.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chosen operating point saved for inference: per-step thresholds on the "max_logit" criterion, the q they were
 * fitted for, the step cost table used and what they gave on validation.
 *
 * <p>JSON fields: {@code format} ("adafocus-exit-thresholds"), {@code version} (1), {@code criterion}
 * ("max_logit"), {@code q}, {@code thresholds} [T] (+1e8 = nobody stops there, the last is -1e8),
 * {@code step_gflops} [T] (GFLOPs after k steps), {@code expected_gflops}, {@code val_top1}, {@code val_map} (percent)
 * and {@code val_exit_fractions} [T].
 */
public record ExitThresholds(double q, double[] thresholds, StepCosts stepCosts, Score validation,
    double[] validationExitFractions) {

  /** Value of the {@code format} field. */
  public static final String FORMAT = "adafocus-exit-thresholds";
  /** The only confidence criterion: the largest raw logit of a step. */
  public static final String CRITERION = "max_logit";
  private static final int VERSION = 1;

  public ExitThresholds {
    thresholds = thresholds.clone();
    validationExitFractions = validationExitFractions.clone();
    for (double t : thresholds) {
      if (Double.isNaN(t)) {
        throw new IllegalArgumentException("a threshold is NaN");
      }
    }
    if (thresholds.length != stepCosts.steps() || validationExitFractions.length != stepCosts.steps()) {
      throw new IllegalArgumentException(thresholds.length + " thresholds, " + stepCosts.steps() + " step costs and "
          + validationExitFractions.length + " exit fractions: all must have one entry per step");
    }
    if (!(q > 0) || Double.isInfinite(q)) {
      throw new IllegalArgumentException("q must be a positive number, got " + q);
    }
  }

  /** The thresholds of an operating point of a sweep made with {@code stepCosts}. */
  public static ExitThresholds of(OperatingPoint point, StepCosts stepCosts) {
    return new ExitThresholds(point.q(), point.thresholds(), stepCosts, point.score(), point.exitFractions());
  }

  /** The exit decision these thresholds define. */
  public ExitPolicy policy() {
    return new ExitPolicy(thresholds);
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public double[] validationExitFractions() {
    return validationExitFractions.clone();
  }

  /**
   * Checks that these thresholds are for a model of {@code frames} frames (one exit step per frame); the error names
   * the thresholds {@code file} and the {@code config} the model comes from.
   */
  public void requireSteps(int frames, Path file, Path config) {
    if (policy().steps() != frames) {
      throw new DataFormatException(file, 0, "exit thresholds are for " + policy().steps() + " steps but the model has "
          + frames + " frames (model.num_segments in " + config + "); calibrate thresholds for this model with "
          + "'adafocus exit calibrate'");
    }
  }

  /** Writes the JSON file. */
  public void write(Path file) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", VERSION);
    o.addProperty("criterion", CRITERION);
    o.addProperty("q", q);
    o.add("thresholds", array(thresholds));
    o.add("step_gflops", array(stepCosts.gflopsAfter()));
    o.addProperty("expected_gflops", validation.gflops());
    o.addProperty("val_top1", validation.top1());
    o.addProperty("val_map", validation.map());
    o.add("val_exit_fractions", array(validationExitFractions));
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n", StandardCharsets.UTF_8);
  }

  /** Reads and validates a thresholds file; every problem names the file (and the line of a JSON syntax error). */
  public static ExitThresholds read(Path file) throws IOException {
    String text;
    try {
      text = String.join("\n", TextFiles.readLines(file));
    } catch (NoSuchFileException e) {
      throw new DataFormatException(file, 0, "no such thresholds file");
    }
    JsonObject o;
    try {
      JsonElement root = JsonParser.parseString(text);
      if (!root.isJsonObject()) {
        throw new DataFormatException(file, 0, "expected a JSON object with the fields of " + FORMAT);
      }
      o = root.getAsJsonObject();
    } catch (JsonParseException e) {
      Matcher m = Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
      int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
      // gson appends a link to its troubleshooting page, which says nothing about this file
      String reason = String.valueOf(e.getMessage()).replaceAll("\\s*See https?://\\S+$", "");
      throw new DataFormatException(file, line, "malformed JSON: " + reason);
    }
    if (!FORMAT.equals(string(file, o, "format"))) {
      throw new DataFormatException(file, 0, "field 'format' is '" + string(file, o, "format") + "', expected '" + FORMAT + "'");
    }
    if (number(file, o, "version") != VERSION) {
      throw new DataFormatException(file, 0, "unsupported version " + o.get("version") + " (this build reads " + VERSION + ")");
    }
    if (!CRITERION.equals(string(file, o, "criterion"))) {
      throw new DataFormatException(file, 0, "unsupported criterion '" + string(file, o, "criterion")
          + "' (only '" + CRITERION + "')");
    }
    try {
      StepCosts costs = new StepCosts(numbers(file, o, "step_gflops"));
      Score validation = new Score(number(file, o, "expected_gflops"), number(file, o, "val_top1"),
          number(file, o, "val_map"));
      return new ExitThresholds(number(file, o, "q"), numbers(file, o, "thresholds"), costs, validation,
          numbers(file, o, "val_exit_fractions"));
    } catch (IllegalArgumentException e) {
      throw new DataFormatException(file, 0, e.getMessage());
    }
  }

  private static JsonArray array(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }

  private static JsonElement field(Path file, JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new DataFormatException(file, 0, "missing field '" + name + "'");
    }
    return e;
  }

  private static String string(Path file, JsonObject o, String name) {
    JsonElement e = field(file, o, name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new DataFormatException(file, 0, "field '" + name + "' must be a string, got " + e);
    }
    return e.getAsString();
  }

  private static double number(Path file, JsonObject o, String name) {
    return asNumber(file, name, field(file, o, name));
  }

  private static double[] numbers(Path file, JsonObject o, String name) {
    JsonElement e = field(file, o, name);
    if (!e.isJsonArray()) {
      throw new DataFormatException(file, 0, "field '" + name + "' must be an array of numbers, got " + e);
    }
    JsonArray a = e.getAsJsonArray();
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = asNumber(file, name + "[" + i + "]", a.get(i));
    }
    return out;
  }

  private static double asNumber(Path file, String name, JsonElement e) {
    if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
      throw new DataFormatException(file, 0, "field '" + name + "' must be a number, got " + e);
    }
    double v = e.getAsDouble();
    if (!Double.isFinite(v)) {
      throw new DataFormatException(file, 0, "field '" + name + "' must be finite, got " + v);
    }
    return v;
  }
}
