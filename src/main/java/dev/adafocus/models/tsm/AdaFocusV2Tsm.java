package dev.adafocus.models.tsm;

import dev.adafocus.flops.FlopCounter;
import dev.adafocus.models.adafocus.PatchCrop;
import dev.adafocus.models.adafocus.PatchPolicy;
import dev.adafocus.models.backbones.Backbone;
import dev.adafocus.models.backbones.TemporalShift;
import dev.adafocus.nn.Activation;
import dev.adafocus.nn.BatchNorm;
import dev.adafocus.nn.Conv2d;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Net;
import dev.adafocus.nn.Sequential;
import java.util.Arrays;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * AdaFocusV2-TSM (Something-Something V1/V2, Jester): a TSM glance network on T_g whole frames, an MLP policy that
 * picks one patch location per video from the stacked, detached glance feature maps, a TSM focus network on the P×P
 * patches of T_f independently sampled frames, and final logits = glance + focus consensus of the {@code new_fc}
 * heads. Parameter names are the official state-dict keys without "module.": {@code global_CNN.*},
 * {@code local_CNN.*} (each {@code base_model.*}, {@code new_fc.*}, {@code new_new_fc.*}) and
 * {@code policy_stn.{0,1,4,5,7,8,10}.*}.
 *
 * <p>Inputs: glance frames [B, T_g·3, S, S] and focus frames [B, T_f·3, S, S], frame t channel c at index t·3 + c.
 */
public final class AdaFocusV2Tsm extends Net {
  /** Learning-rate multipliers of the official recipe, by top-level parameter prefix. */
  public static final Map<String, Double> OFFICIAL_LR_RATIOS = Map.of("policy_stn", 0.01, "global_CNN", 0.5, "local_CNN", 1.0);

  private static final int POLICY_CHANNELS = 64;
  private static final int POLICY_HIDDEN = 1024;
  private static final int POLICY_HIDDEN2 = 512;

  private final TsmConfig config;
  private final TsnNetwork glance;
  private final TsnNetwork focus;
  private final Sequential policy;

  public AdaFocusV2Tsm(TsmConfig config) {
    this.config = config;
    Layer glanceNet = config.glance().buildTsm(new TemporalShift.Config(config.glanceFrames(), config.shiftDiv()));
    Layer focusNet = config.focus().buildTsm(new TemporalShift.Config(config.focusFrames(), config.shiftDiv()));
    glance = add("global_CNN", new TsnNetwork(glanceNet, config.glanceFrames(), config.numClasses(), config.dropout(), "glance"));
    focus = add("local_CNN", new TsnNetwork(focusNet, config.focusFrames(), config.numClasses(), config.dropout(), "focus"));
    long mapChannels = ((Backbone) glanceNet).featureDim() * config.glanceFrames();
    long mapSize = ((Backbone) glanceNet).featureMapSize(config.inputSize());
    policy = add("policy_stn", new Sequential(
        new Conv2d(mapChannels, POLICY_CHANNELS, 1, 1, 0, 1, false), new BatchNorm(POLICY_CHANNELS), Activation.tanh(),
        Activation.flatten(),
        new Linear(POLICY_CHANNELS * mapSize * mapSize, POLICY_HIDDEN), new BatchNorm(POLICY_HIDDEN), Activation.tanh(),
        new Linear(POLICY_HIDDEN, POLICY_HIDDEN2), new BatchNorm(POLICY_HIDDEN2), Activation.tanh(),
        new Linear(POLICY_HIDDEN2, 2), Activation.sigmoid()));
  }

  public TsnNetwork glance() {
    return glance;
  }

  public TsnNetwork focus() {
    return focus;
  }

  /** Evaluation-mode forward: the learned policy's patch. */
  public TsmOutput forward(Tensor glanceVideo, Tensor focusVideo) {
    return forward(glanceVideo, focusVideo, PatchPolicy.LEARNED);
  }

  /** One branch with the given patch source (RANDOM and CENTRE give one location per video). */
  public TsmOutput forward(Tensor glanceVideo, Tensor focusVideo, PatchPolicy patchPolicy) {
    TsnNetwork.Output g = glance.forward(checkedFrames(glanceVideo, focusVideo));
    return focusBranch(focusVideo, g, actionsFor(patchPolicy, g, glanceVideo.size(0)));
  }

  /**
   * Training-mode forward: the glance runs once; the focus network runs twice, on one uniformly random patch per
   * video and on the policy's patch (two separate forwards, so BN statistics are per branch, as in the official code).
   * Returns {random branch, policy branch}.
   */
  public TsmOutput[] forwardTraining(Tensor glanceVideo, Tensor focusVideo) {
    TsnNetwork.Output g = glance.forward(checkedFrames(glanceVideo, focusVideo));
    long batch = glanceVideo.size(0);
    return new TsmOutput[] {
        focusBranch(focusVideo, g, actionsFor(PatchPolicy.RANDOM, g, batch)),
        focusBranch(focusVideo, g, actionsFor(PatchPolicy.LEARNED, g, batch))};
  }

  /** Patch locations [B, 2]. The policy sees the glance maps, stacked per video, with the gradient stopped. */
  private Tensor actionsFor(PatchPolicy patchPolicy, TsnNetwork.Output g, long batch) {
    return switch (patchPolicy) {
      case LEARNED -> {
        Tensor maps = g.maps().detach();
        Tensor stacked = maps.reshape(batch, maps.size(0) / batch * maps.size(1), maps.size(2), maps.size(3));
        try (FlopCounter.Section s = FlopCounter.section("policy")) {
          yield policy.forward(stacked);
        }
      }
      case RANDOM -> torch.rand(new long[] {batch, 2}, g.logits().options());
      case CENTRE -> torch.full(new long[] {batch, 2}, new Scalar(0.5), g.logits().options());
    };
  }

  /** Crops all focus frames of a video at its one location, runs the focus network and sums the final logits. */
  private TsmOutput focusBranch(Tensor focusVideo, TsnNetwork.Output g, Tensor actions) {
    Tensor patches = PatchCrop.crop(focusVideo, actions, config.patchSize())
        .reshape(focusVideo.size(0) * config.focusFrames(), 3, config.patchSize(), config.patchSize());
    TsnNetwork.Output l = focus.forward(patches);
    return new TsmOutput(g.logits().add(l.logits()), g.auxLogits(), l.auxLogits(), actions, patches);
  }

  /** Checks both inputs and returns the glance frames [B·T_g, 3, S, S]. */
  private Tensor checkedFrames(Tensor glanceVideo, Tensor focusVideo) {
    Tensor frames = frames(glanceVideo, config.glanceFrames(), "glance");
    frames(focusVideo, config.focusFrames(), "focus");
    if (focusVideo.size(0) != glanceVideo.size(0)) {
      throw new IllegalArgumentException("glance and focus batches differ: " + glanceVideo.size(0) + " vs "
          + focusVideo.size(0) + " videos");
    }
    return frames;
  }

  /** [B, T·3, S, S] → [B·T, 3, S, S] (video-major), after checking the shape. */
  private Tensor frames(Tensor video, int frames, String what) {
    long expected = 3L * frames;
    if (video.dim() != 4 || video.size(1) != expected || video.size(2) != config.inputSize() || video.size(3) != config.inputSize()) {
      throw new IllegalArgumentException("expected a " + what + " batch [B, " + expected + ", " + config.inputSize() + ", "
          + config.inputSize() + "], got " + Arrays.toString(video.sizes().vec().get()));
    }
    return video.reshape(video.size(0) * frames, 3, config.inputSize(), config.inputSize());
  }

  /** Counts MACs per component of one evaluation forward of the given videos. */
  public FlopCounter countFlops(Tensor glanceVideo, Tensor focusVideo) {
    FlopCounter c = FlopCounter.start();
    try (NoGradGuard ng = new NoGradGuard()) {
      forward(glanceVideo, focusVideo);
    } finally {
      c.close();
    }
    return c;
  }
}
