package dev.adafocus.recipe;

import dev.adafocus.config.ConfigException;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.config.ModelConfig;
import dev.adafocus.engine.Devices;
import dev.adafocus.engine.Engine;
import dev.adafocus.io.OfficialKeyMap;
import dev.adafocus.models.tsm.AdaFocusV2Tsm;
import dev.adafocus.train.Experiment;
import dev.adafocus.train.ExperimentFactory;

/**
 * Builds AdaFocusV2-TSM experiments ({@code model.kind: adafocusv2_tsm}): the model, and data with independently
 * sampled (and, in training, independently cropped) glance and focus views.
 */
public final class TsmExperimentFactory implements ExperimentFactory {
  @Override
  public boolean supports(ExperimentConfig config) {
    return config.model().isTsm() && ExperimentData.supports(config.data().kind());
  }

  @Override
  public Experiment<?> create(ExperimentConfig config) {
    if (config.data().batchSize() < 2) {
      throw new ConfigException(config.source() + ": 'data.batch_size' must be at least 2 for " + ModelConfig.ADAFOCUS_V2_TSM
          + " (its policy normalises over the videos of a batch), got " + config.data().batchSize());
    }
    if (config.train().focusWarmupIters() > 0) {
      throw new ConfigException(config.source() + ": 'train.focus_warmup_iters' is an AdaFocusV2 option; "
          + ModelConfig.ADAFOCUS_V2_TSM + " has no warm-up stage");
    }
    AdaFocusV2Tsm model = buildModel(config);
    String device = config.train().device();
    return new Experiment<>(new TsmTask(model, device.equals("cpu") ? null : Devices.parse(device)),
        ExperimentData.split(config, true), ExperimentData.split(config, false));
  }

  /** The model of a config, initialised from {@code train.seed} and the configured ImageNet weights, on its device. */
  private static AdaFocusV2Tsm buildModel(ExperimentConfig config) {
    Engine.seed(config.train().seed());
    ModelConfig m = config.model();
    AdaFocusV2Tsm model;
    try {
      model = new AdaFocusV2Tsm(m.toTsmConfig());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config.source() + ": model: " + e.getMessage(), e);
    }
    AdaFocusExperimentFactory.initialise(model, config, OfficialKeyMap.TSM_GLANCE, OfficialKeyMap.TSM_FOCUS);
    return model;
  }
}
