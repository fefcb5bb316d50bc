package dev.adafocus.exit;

import dev.adafocus.DataFormatException;
import dev.adafocus.data.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cumulative cost of a video that stops after k steps: {@code gflopsAfter[k - 1]} GFLOPs for k = 1..T.
 *
 * <p>Any finite, non-negative, non-decreasing table is accepted; for AdaFocusV2 it is linear, k × per-frame GFLOPs.
 * As a text file: one value per line (line k = GFLOPs after k steps); blank lines and lines starting with '#' are
 * skipped.
 */
public record StepCosts(double[] gflopsAfter) {

  public StepCosts {
    gflopsAfter = gflopsAfter.clone();
    String problem = problem(gflopsAfter);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** The linear table k × {@code gflopsPerStep}, k = 1..steps. */
  public static StepCosts linear(double gflopsPerStep, int steps) {
    double[] c = new double[steps];
    for (int k = 1; k <= steps; k++) {
      c[k - 1] = k * gflopsPerStep;
    }
    return new StepCosts(c);
  }

  /** Parses a comma-separated list of cumulative GFLOPs, e.g. {@code "1.68,3.37,5.05"}. */
  public static StepCosts parse(String commaSeparated) {
    String[] parts = commaSeparated.split(",", -1);
    double[] c = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        c[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("step cost " + (i + 1) + " is not a number: '" + parts[i].trim() + "'", e);
      }
    }
    return new StepCosts(c);
  }

  /** Reads the text format; errors name the file and line. */
  public static StepCosts read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = TextFiles.readLines(file);
    } catch (NoSuchFileException e) {
      throw new DataFormatException(file, 0, "no such step cost file");
    }
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      double v;
      try {
        v = Double.parseDouble(line);
      } catch (NumberFormatException e) {
        throw new DataFormatException(file, i + 1, "expected the GFLOPs after step " + (values.size() + 1)
            + ", got '" + line + "'");
      }
      String problem = problemAt(v, values.isEmpty() ? 0 : values.get(values.size() - 1), values.size() + 1);
      if (problem != null) {
        throw new DataFormatException(file, i + 1, problem);
      }
      values.add(v);
    }
    if (values.isEmpty()) {
      throw new DataFormatException(file, 0, "no step costs (one GFLOPs value per line expected)");
    }
    return new StepCosts(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Writes the text format. */
  public void write(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("# GFLOPs spent by a video that stops after step k (line k)\n");
    for (double c : gflopsAfter) {
      sb.append(String.format(Locale.ROOT, "%s%n", c));
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  /** Number of steps T. */
  public int steps() {
    return gflopsAfter.length;
  }

  /** GFLOPs after {@code k} steps, k = 1..T. */
  public double afterSteps(int k) {
    if (k < 1 || k > gflopsAfter.length) {
      throw new IllegalArgumentException("step count " + k + " outside 1.." + gflopsAfter.length);
    }
    return gflopsAfter[k - 1];
  }

  /** GFLOPs of the static model, which runs all T steps. */
  public double total() {
    return gflopsAfter[gflopsAfter.length - 1];
  }

  @Override
  public double[] gflopsAfter() {
    return gflopsAfter.clone();
  }

  private static String problem(double[] c) {
    if (c.length == 0) {
      return "a step cost table needs at least one step";
    }
    for (int i = 0; i < c.length; i++) {
      String p = problemAt(c[i], i == 0 ? 0 : c[i - 1], i + 1);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String problemAt(double value, double previous, int k) {
    if (!Double.isFinite(value) || value < 0) {
      return "GFLOPs after step " + k + " must be finite and non-negative, got " + value;
    }
    if (value < previous) {
      return "GFLOPs after step " + k + " (" + value + ") is below those after step " + (k - 1) + " (" + previous
          + "): costs are cumulative and cannot decrease";
    }
    return null;
  }
}
