package dev.adafocus.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.adafocus.viz.RunPlots;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adafocus plot RUN_DIR}: learning curves and the accuracy-versus-GFLOPs curve of a run folder, as PNG. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = "Draws a run folder's learning curves (scalars.jsonl -> learning_curve.png) and its "
        + "accuracy-vs-GFLOPs curve (exit/curve.csv + static_points.csv -> accuracy_vs_gflops.png). "
        + "Missing inputs are skipped; see docs/visualisation.md.",
    footer = {"", "Example:", "  ./adafocus plot work_dirs/adafocusv2_demo_synthetic/20261126_150000"})
public final class PlotCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run folder (as written by train/test).")
  Path runDir;

  @Option(names = "--out-dir", paramLabel = "<dir>", description = "Where to write the PNGs (default: RUN_DIR).")
  Path outDir;

  @Option(names = "--json", description = "Print a JSON summary as the last line.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunPlots.Result result = RunPlots.plot(runDir, outDir == null ? runDir : outDir);
    PrintWriter out = spec.commandLine().getOut();
    result.notes().forEach(n -> out.println("note: " + n));
    result.written().forEach(p -> out.println("wrote " + p));
    if (json) {
      JsonObject o = new JsonObject();
      JsonArray written = new JsonArray();
      result.written().forEach(p -> written.add(p.toString()));
      JsonArray notes = new JsonArray();
      result.notes().forEach(notes::add);
      o.add("written", written);
      o.add("notes", notes);
      out.println(o);
    }
    out.flush();
    return 0;
  }
}
