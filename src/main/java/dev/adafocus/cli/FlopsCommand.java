package dev.adafocus.cli;

import com.google.gson.JsonObject;
import dev.adafocus.flops.ModelFlops;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code adafocus flops}: per-component GFLOPs table of a model configuration. */
@Command(name = "flops", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Print the inference cost (multiply-accumulates, the papers' GFLOPs) of a model, per component, per frame and per video.",
    footer = {"%nExamples:", "  adafocus flops --patch-size 128", "  adafocus flops --glance resnet50 --glance-size 96 --patch-size 160 --json"})
public final class FlopsCommand implements Callable<Integer> {
  @Mixin
  ModelOptions model;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AdaFocusConfig config = model.resolve(spec.commandLine());
    ModelFlops f = ModelFlops.measure(config);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("AdaFocusV2: glance %s%s, focus %s on %dx%d patches, T=%d, %d classes%n", config.glance().arch(),
        config.glanceSize() > 0 ? "@" + config.glanceSize() : "@" + config.inputSize(), config.focus().arch(),
        config.patchSize(), config.patchSize(), config.frames(), config.numClasses());
    out.printf("%-12s %16s %16s%n", "component", "GFLOPs/frame", "GFLOPs/video");
    for (Map.Entry<String, Long> e : f.perFrameMacs().entrySet()) {
      out.printf("%-12s %16.6f %16.4f%n", e.getKey(), e.getValue() / 1e9, e.getValue() / 1e9 * config.frames());
    }
    out.printf("%-12s %16.6f %16.4f%n", "total", f.gflopsPerFrame(), f.gflopsPerVideo());
    out.println("(multiply-accumulates of conv/linear/GRU layers + one per BN channel, auxiliary heads included: the papers' convention)");
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("gflops_per_frame", f.gflopsPerFrame());
      o.addProperty("gflops_per_video", f.gflopsPerVideo());
      o.addProperty("frames", config.frames());
      JsonObject parts = new JsonObject();
      f.perFrameMacs().forEach((k, v) -> parts.addProperty(k, v / 1e9));
      o.add("gflops_per_frame_by_component", parts);
      out.println(o);
    }
    out.flush();
    return 0;
  }
}
