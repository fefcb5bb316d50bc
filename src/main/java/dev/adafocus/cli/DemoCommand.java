package dev.adafocus.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.adafocus.AdaFocusException;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.recipe.BenchmarkDemo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code adafocus demo}: the built-in demo (train + compare on the built-in benchmark) . */
@Command(name = "demo", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Without arguments: trains a CPU-sized AdaFocusV2 on the built-in benchmark (no download), evaluates",
        "it with its learned policy, with random patches, with centre patches and with the glance alone, prints top-1",
        "and GFLOPs per video, and draws where it looked on a validation clip (GIF + contact sheet)."},
    footer = {"%nExamples:", "  adafocus demo", "  adafocus demo --json", "  adafocus demo --cfg-options train.epochs=3"})
public final class DemoCommand implements Callable<Integer> {
  /** The built-in demo config, shipped inside the jar. */
  static final String DEMO_CONFIG = "adafocusv2_demo_synthetic.yaml";

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Folder for the runs (default work_dirs/adafocusv2_demo_synthetic).")
  Path workDir;

  @Option(names = "--config", paramLabel = "FILE", description = "Use this config instead of the built-in one.")
  Path config;

  @Mixin
  ConfigOptions options;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path file = config != null ? config : builtInConfig();
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("work_dir", workDir != null ? workDir.toString()
        : config == null ? Path.of("work_dirs", DEMO_CONFIG.replace(".yaml", "")).toString() : null);
    ExperimentConfig c = options.load(file, flags);
    if (!"synthetic".equals(c.data().kind())) {
      throw new AdaFocusException(file + ": the demo trains on the built-in benchmark (data.kind: synthetic)");
    }
    long start = System.nanoTime();
    BenchmarkDemo.Result r = BenchmarkDemo.run(c, out);
    double minutes = (System.nanoTime() - start) / 60e9;
    out.println();
    out.println("Built-in benchmark, validation clips: " + c.data().synthetic().valClips());
    out.printf(Locale.ROOT, "%-30s %8s %14s%n", "variant (same trained model)", "top-1 %", "GFLOPs/video");
    for (BenchmarkDemo.Row row : r.rows()) {
      out.printf(Locale.ROOT, "%-30s %8.1f %14.4f%n", row.name(), row.top1(), row.gflopsPerVideo());
    }
    out.printf(Locale.ROOT, "run folder: %s (%.1f min)%n", r.runDir(), minutes);
    out.println("where it looked: " + r.animation() + " and " + r.contactSheet());
    if (options.json) {
      JsonObject o = new JsonObject();
      JsonArray rows = new JsonArray();
      for (BenchmarkDemo.Row row : r.rows()) {
        JsonObject j = new JsonObject();
        j.addProperty("variant", row.name());
        j.addProperty("top1", row.top1());
        j.addProperty("gflops_per_video", row.gflopsPerVideo());
        rows.add(j);
      }
      o.add("results", rows);
      o.addProperty("run_dir", r.runDir().toString());
      o.addProperty("animation", r.animation().toString());
      o.addProperty("minutes", minutes);
      out.println(o);
    }
    out.flush();
    return 0;
  }

  /** Copies the jar's demo config to a temporary file of the same name (the config name names the run folder). */
  static Path builtInConfig() throws IOException {
    Path dir = Files.createTempDirectory("adafocus-demo");
    Path file = dir.resolve(DEMO_CONFIG);
    try (InputStream in = BenchmarkDemo.class.getResourceAsStream(DEMO_CONFIG)) {
      if (in == null) {
        throw new IllegalStateException("the built-in demo config " + DEMO_CONFIG + " is missing from the jar");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    file.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    return file;
  }
}
