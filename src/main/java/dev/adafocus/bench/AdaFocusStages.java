package dev.adafocus.bench;

import dev.adafocus.flops.ModelFlops;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.adafocus.GlanceNetwork;
import dev.adafocus.models.adafocus.PatchCrop;
import dev.adafocus.nn.InferenceOptimisation;
import dev.adafocus.nn.Precision;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The stages of one AdaFocusV2 evaluation forward, each as its own {@link BenchSubject}: it runs on the outputs of the
 * stages before it, computed once per video batch outside the timed calls, so a bench run shows where the time of
 * the whole model goes and at what FLOP rate each part runs. The calls are those of {@link AdaFocusV2#forward}.
 */
final class AdaFocusStages {
  /** A stage, and the {@link ModelFlops} components whose multiply-accumulates it performs. */
  enum Stage {
    GLANCE("glance", "glance"),
    POLICY("policy", "policy"),
    CROP("crop"),
    FOCUS("focus", "focus"),
    CLASSIFIER("classifier", "classifier", "aux_heads");

    final String label;
    final String[] components;

    Stage(String label, String... components) {
      this.label = label;
      this.components = components;
    }

    double gflopsPerVideo(ModelFlops flops) {
      long macs = 0;
      for (String c : components) {
        macs += flops.perFrameMacs().getOrDefault(c, 0L);
      }
      return macs / 1e9 * flops.config().frames();
    }
  }

  /** What the stages consume, for one video batch: each stage's input is the previous stages' output. */
  record Intermediates(Tensor video, Tensor frames, GlanceNetwork.Output glance, Tensor actions, Tensor patches,
      Tensor local) {}

  private final AdaFocusV2 model;
  private final int frames;
  private Intermediates last;

  AdaFocusStages(AdaFocusV2 model) {
    this.model = model;
    this.frames = model.config().frames();
  }

  /**
   * One subject per stage of AdaFocusV2 in {@code config}, sharing one model prepared like {@link
   * BenchSubject#adaFocus}; the first subject owns the model, so close them all.
   */
  static List<BenchSubject> subjects(AdaFocusConfig config, InferenceOptimisation optimisation, Precision precision) {
    ModelFlops flops = ModelFlops.measure(config);
    AdaFocusV2 model = BenchSubject.prepared(new AdaFocusV2(config), optimisation, precision);
    AdaFocusStages stages = new AdaFocusStages(model);
    String of = BenchSubject.adaFocusName(config, optimisation);
    List<BenchSubject> out = new ArrayList<>();
    for (Stage s : Stage.values()) {
      out.add(new BenchSubject(s.label, s.gflopsPerVideo(flops), optimisation, out.isEmpty() ? model : null,
          video -> stages.call(s, stages.intermediates(video)), of));
    }
    return out;
  }

  /** The outputs of every stage on {@code video}, computed once per video tensor. */
  Intermediates intermediates(Tensor video) {
    if (last == null || last.video() != video) {
      Tensor f = model.framesOf(video);
      GlanceNetwork.Output g = model.glance().forward(f);
      Tensor actions = model.policy().forward(g.map(), frames);
      Tensor patches = PatchCrop.crop(f, actions, model.config().patchSize());
      last = new Intermediates(video, f, g, actions, patches, model.focus().forward(patches));
    }
    return last;
  }

  private Runnable call(Stage stage, Intermediates in) {
    int patch = model.config().patchSize();
    return switch (stage) {
      case GLANCE -> () -> model.glance().forward(in.frames());
      case POLICY -> () -> model.policy().forward(in.glance().map(), frames);
      case CROP -> () -> PatchCrop.crop(in.frames(), in.actions(), patch);
      case FOCUS -> () -> model.focus().forward(in.patches());
      case CLASSIFIER -> () -> {
        model.classifier().forward(torch.cat(new TensorVector(in.glance().vector(), in.local()), 1), frames);
        model.glance().auxLogits(in.glance().vector());
        model.focus().auxLogits(in.local());
      };
    };
  }
}
