package dev.adafocus.bench;

import dev.adafocus.flops.ModelFlops;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.nn.InferenceOptimisation;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.nn.Net;
import dev.adafocus.nn.Precision;
import java.util.function.Consumer;
import org.bytedeco.pytorch.Tensor;

/** One model under measurement: its name, cost per video, and an eval-mode forward on a video batch [B, T·3, S, S]. */
public final class BenchSubject implements AutoCloseable {
  private final String name;
  private final double gflopsPerVideo;
  private final InferenceOptimisation optimisation;
  private final Net model;
  private final Consumer<Tensor> forward;

  private BenchSubject(String name, double gflopsPerVideo, InferenceOptimisation optimisation, Precision precision, Net model,
      Consumer<Tensor> forward) {
    this.name = name;
    this.gflopsPerVideo = gflopsPerVideo;
    this.optimisation = optimisation;
    this.model = model;
    this.forward = forward;
    optimisation.apply(model);
    precision.apply(model);
  }

  /** AdaFocusV2 with the learned policy (random weights: speed does not depend on them), backbones in {@code precision}. */
  public static BenchSubject adaFocus(AdaFocusConfig config, InferenceOptimisation optimisation, Precision precision) {
    double gflops = ModelFlops.measure(config).gflopsPerVideo();
    AdaFocusV2 m = new AdaFocusV2(config);
    String name = "AdaFocusV2 " + label(config.glance()) + "@" + config.glanceInput() + "+" + label(config.focus()) + " P="
        + config.patchSize() + suffix(optimisation);
    return new BenchSubject(name, gflops, optimisation, precision, m, m::forward);
  }

  /** A full-frame baseline: {@code spec} on all T whole frames of the configuration's size, in {@code precision}. */
  public static BenchSubject baseline(BackboneSpec spec, AdaFocusConfig config, InferenceOptimisation optimisation,
      Precision precision) {
    FrameBaseline m = new FrameBaseline(spec, config.numClasses(), config.frames(), config.inputSize());
    double gflops = m.gflopsPerVideo();
    String name = label(spec) + "@" + config.inputSize() + " full frames" + suffix(optimisation);
    return new BenchSubject(name, gflops, optimisation, precision, m, m::forward);
  }

  private static String label(BackboneSpec spec) {
    return spec.arch() + (spec.width() == 1 ? "" : "x" + spec.width());
  }

  private static String suffix(InferenceOptimisation optimisation) {
    return optimisation.equals(InferenceOptimisation.FAST) ? "" : " [" + optimisation.label() + "]";
  }

  public String name() {
    return name;
  }

  public double gflopsPerVideo() {
    return gflopsPerVideo;
  }

  public InferenceOptimisation optimisation() {
    return optimisation;
  }

  /** Runs one forward on {@code video}; the caller holds the gradient guard and the native scope. */
  public void run(Tensor video) {
    forward.accept(video);
  }

  @Override
  public void close() {
    model.close();
  }
}
