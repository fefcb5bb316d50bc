package dev.adafocus.bench;

import dev.adafocus.flops.ModelFlops;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.nn.InferenceOptimisation;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.nn.Net;
import dev.adafocus.nn.Precision;
import java.util.function.Function;
import org.bytedeco.pytorch.Tensor;

/**
 * One thing under measurement, a whole model or one stage of one: its name, cost per video, and how to ready an
 * eval-mode call on a video batch [B, T·3, S, S].
 */
public final class BenchSubject implements AutoCloseable {
  private final String name;
  private final double gflopsPerVideo;
  private final InferenceOptimisation optimisation;
  private final AutoCloseable owned;
  private final Function<Tensor, Runnable> callOn;
  private final String stageOf;

  BenchSubject(String name, double gflopsPerVideo, InferenceOptimisation optimisation, AutoCloseable owned,
      Function<Tensor, Runnable> callOn, String stageOf) {
    this.name = name;
    this.gflopsPerVideo = gflopsPerVideo;
    this.optimisation = optimisation;
    this.owned = owned;
    this.callOn = callOn;
    this.stageOf = stageOf;
  }

  /** AdaFocusV2 with the learned policy (random weights: speed does not depend on them), backbones in {@code precision}. */
  public static BenchSubject adaFocus(AdaFocusConfig config, InferenceOptimisation optimisation, Precision precision) {
    double gflops = ModelFlops.measure(config).gflopsPerVideo();
    AdaFocusV2 m = prepared(new AdaFocusV2(config), optimisation, precision);
    return new BenchSubject(adaFocusName(config, optimisation), gflops, optimisation, m, video -> () -> m.forward(video), null);
  }

  /** A full-frame baseline: {@code spec} on all T whole frames of the configuration's size, in {@code precision}. */
  public static BenchSubject baseline(BackboneSpec spec, AdaFocusConfig config, InferenceOptimisation optimisation,
      Precision precision) {
    FrameBaseline m = new FrameBaseline(spec, config.numClasses(), config.frames(), config.inputSize());
    double gflops = m.gflopsPerVideo();
    prepared(m, optimisation, precision);
    String name = label(spec) + "@" + config.inputSize() + " full frames" + suffix(optimisation);
    return new BenchSubject(name, gflops, optimisation, m, video -> () -> m.forward(video), null);
  }

  /** The name {@link #adaFocus} gives the model of this configuration. */
  static String adaFocusName(AdaFocusConfig config, InferenceOptimisation optimisation) {
    return "AdaFocusV2 " + label(config.glance()) + "@" + config.glanceInput() + "+" + label(config.focus()) + " P="
        + config.patchSize() + suffix(optimisation);
  }

  /** Eval mode, the inference transforms of {@code optimisation}, then the backbones in {@code precision}. */
  static <M extends Net> M prepared(M model, InferenceOptimisation optimisation, Precision precision) {
    optimisation.apply(model);
    precision.apply(model);
    return model;
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

  /** For a stage, the name of the model it is part of; null for a whole model. */
  public String stageOf() {
    return stageOf;
  }

  /**
   * Readies calls on {@code video} (untimed: a stage computes its inputs here) and returns one call to time. The
   * caller holds the gradient guard; tensors made here belong to the caller's native scope.
   */
  public Runnable callOn(Tensor video) {
    return callOn.apply(video);
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not release " + name, e);
      }
    }
  }
}
