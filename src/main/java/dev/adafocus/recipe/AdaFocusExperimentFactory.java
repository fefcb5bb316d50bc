package dev.adafocus.recipe;

import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.config.ModelConfig;
import dev.adafocus.engine.Devices;
import dev.adafocus.engine.Engine;
import dev.adafocus.io.OfficialKeyMap;
import dev.adafocus.io.WeightLoader;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.train.Experiment;
import dev.adafocus.train.ExperimentFactory;
import java.nio.file.Path;
import org.bytedeco.pytorch.Module;

/** Builds AdaFocusV2 experiments ({@code model.kind: adafocusv2}: model, ImageNet initialisation, data) from configs. */
public final class AdaFocusExperimentFactory implements ExperimentFactory {
  @Override
  public boolean supports(ExperimentConfig config) {
    return !config.model().isTsm() && ExperimentData.supports(config.data().kind());
  }

  @Override
  public Experiment<?> create(ExperimentConfig config) {
    AdaFocusV2 model = buildModel(config);
    var t = config.train();
    java.util.function.Consumer<java.io.PrintWriter> warmup = null;
    if (t.focusWarmupIters() > 0) {
      if (!ExperimentData.SYNTHETIC.equals(config.data().kind())) {
        throw new dev.adafocus.config.ConfigException(config.source() + ": train.focus_warmup_iters needs object locations,"
            + " which only the built-in benchmark (data.kind: synthetic) has; use *_pretrained weights for real data");
      }
      var gen = new dev.adafocus.data.synthetic.BenchmarkGenerator(config.data().synthetic());
      warmup = log -> FocusWarmup.run(model, gen, t.focusWarmupIters(), config.data().batchSize(), t.focusWarmupLr(),
          t.seed(), log);
    }
    String device = config.train().device();
    return new Experiment<>(new AdaFocusTask(model, warmup, device.equals("cpu") ? null : Devices.parse(device)),
        ExperimentData.split(config, true),
        ExperimentData.split(config, false));
  }

  /** The model of a config, initialised from {@code train.seed} and the configured ImageNet weights. */
  public static AdaFocusV2 buildModel(ExperimentConfig config) {
    Engine.seed(config.train().seed());
    AdaFocusV2 model = new AdaFocusV2(config.adaFocusConfig());
    initialise(model, config, OfficialKeyMap.GLANCE, OfficialKeyMap.FOCUS);
    return model;
  }

  /**
   * Loads the configured ImageNet weights into the backbones (state-dict prefixes {@code glance} and {@code focus})
   * of a freshly built model, then moves it to the configured device.
   */
  static void initialise(Module model, ExperimentConfig config, String glance, String focus) {
    config.requirePretrainedFiles();
    ModelConfig m = config.model();
    if (m.glancePretrained() != null) {
      WeightLoader.loadImageNet(model, glance, m.glanceArch(), Path.of(m.glancePretrained()));
    }
    if (m.focusPretrained() != null) {
      WeightLoader.loadImageNet(model, focus, m.focusArch(), Path.of(m.focusPretrained()));
    }
    String device = config.train().device();
    if (!device.equals("cpu")) {
      model.to(Devices.parse(device), false);
    }
  }
}
