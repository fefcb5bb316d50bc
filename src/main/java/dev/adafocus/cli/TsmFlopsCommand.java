package dev.adafocus.cli;

import com.google.gson.JsonObject;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.models.tsm.TsmConfig;
import dev.adafocus.models.tsm.TsmFlops;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adafocus flops-tsm}: per-component GFLOPs of one video through AdaFocusV2-TSM. */
@Command(name = "flops-tsm", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Print the inference cost (multiply-accumulates, the papers' GFLOPs) of one video through AdaFocusV2-TSM "
        + "(Something-Something / Jester model), per component.",
    footer = {"%nExamples:", "  adafocus flops-tsm --patch-size 176", "  adafocus flops-tsm --num-classes 27 --patch-size 128 --json"})
public final class TsmFlopsCommand implements Callable<Integer> {
  @Option(names = "--num-classes", description = "Number of classes (174 Sth-Sth V1/V2, 27 Jester).")
  int numClasses = 174;

  @Option(names = "--patch-size", description = "Patch side P (released: 128, 144, 160, 176).")
  int patchSize = 128;

  @Option(names = "--glance-frames", description = "Glance frames per video.")
  int glanceFrames = 8;

  @Option(names = "--focus-frames", description = "Focus frames per video (default: 1.5 x glance frames).")
  Integer focusFrames;

  @Option(names = "--input-size", description = "Frame side S.")
  int inputSize = 224;

  @Option(names = "--glance", completionCandidates = ModelOptions.Backbones.class, description = "Glance backbone: "
      + "${COMPLETION-CANDIDATES}.")
  String glance = "mobilenet_v2";

  @Option(names = "--glance-width", description = "Glance width multiplier.")
  double glanceWidth = 1.0;

  @Option(names = "--focus", completionCandidates = ModelOptions.Backbones.class, description = "Focus backbone: "
      + "${COMPLETION-CANDIDATES}.")
  String focus = "resnet50";

  @Option(names = "--focus-width", description = "Focus width multiplier.")
  double focusWidth = 1.0;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    TsmConfig config = resolve();
    TsmFlops f = TsmFlops.measure(config);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("AdaFocusV2-TSM: glance TSM-%s on %d frames at %dx%d, focus TSM-%s on %d frames of %dx%d patches, %d classes%n",
        config.glance().arch(), config.glanceFrames(), config.inputSize(), config.inputSize(), config.focus().arch(),
        config.focusFrames(), config.patchSize(), config.patchSize(), config.numClasses());
    out.printf("%-12s %16s%n", "component", "GFLOPs/video");
    f.perVideoMacs().forEach((k, v) -> out.printf("%-12s %16.4f%n", k, v / 1e9));
    out.printf("%-12s %16.4f%n", "total", f.gflopsPerVideo());
    out.println("(multiply-accumulates of conv/linear layers + one per BN channel, both TSN heads included: the papers' convention)");
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("gflops_per_video", f.gflopsPerVideo());
      JsonObject parts = new JsonObject();
      f.perVideoMacs().forEach((k, v) -> parts.addProperty(k, v / 1e9));
      o.add("gflops_per_video_by_component", parts);
      out.println(o);
    }
    out.flush();
    return 0;
  }

  private TsmConfig resolve() {
    try {
      return new TsmConfig(numClasses, glanceFrames, focusFrames == null ? TsmConfig.focusFramesFor(glanceFrames) : focusFrames,
          inputSize, patchSize, new BackboneSpec(glance, glanceWidth), new BackboneSpec(focus, focusWidth), 8, 0.5);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
