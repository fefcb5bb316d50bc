package dev.adafocus.models.adafocus;

import dev.adafocus.flops.FlopCounter;
import dev.adafocus.models.backbones.Backbone;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Net;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * AdaFocusV2 (CVPR 2022), the ActivityNet/FCVID/Mini-Kinetics model: glance → policy → crop → focus → classifier,
 * composed as in the paper's figure. Its parameter names are the official state-dict keys (without "module.").
 *
 * <p>Input: frames [B, T·3, S, S], frame t channel c at index t·3+c, already in the processing (coarse-to-fine) order.
 */
public final class AdaFocusV2 extends Net {
  private final AdaFocusConfig config;
  private final GlanceNetwork glance;
  private final PolicyNetwork policy;
  private final FocusNetwork focus;
  private final PoolingClassifier classifier;

  public AdaFocusV2(AdaFocusConfig config) {
    this.config = config;
    Layer glanceNet = config.glance().build();
    Layer focusNet = config.focus().build();
    glance = new GlanceNetwork(glanceNet, config.numClasses(), config.fcDropout(), config.glanceSize());
    focus = new FocusNetwork(focusNet, ((Backbone) focusNet).featureDim(), config.numClasses(), config.fcDropout());
    long glanceDim = ((Backbone) glanceNet).featureDim();
    long mapSize = ((Backbone) glanceNet).featureMapSize(config.glanceInput());
    policy = new PolicyNetwork(glanceDim, mapSize, config.policyHidden());
    classifier = new PoolingClassifier(glanceDim + ((Backbone) focusNet).featureDim(), config.classifierHidden(),
        config.numClasses(), config.frames(), config.dropout());
    add("global_CNN", glanceNet);
    add("global_CNN_fc", glance.head());
    add("local_CNN", focusNet);
    add("local_CNN_fc", focus.head());
    add("policy_stn", policy);
    add("classifier", classifier);
  }

  public AdaFocusConfig config() {
    return config;
  }

  public GlanceNetwork glance() {
    return glance;
  }

  public PolicyNetwork policy() {
    return policy;
  }

  public FocusNetwork focus() {
    return focus;
  }

  public PoolingClassifier classifier() {
    return classifier;
  }

  /** Evaluation-mode forward: one branch with the learned policy. */
  public AdaFocusOutput forward(Tensor video) {
    return forward(video, PatchPolicy.LEARNED);
  }

  /** One branch with the given patch source (learned policy, random or centre patches). */
  public AdaFocusOutput forward(Tensor video, PatchPolicy patchPolicy) {
    Tensor frames = framesOf(video);
    GlanceNetwork.Output g = glance.forward(frames);
    return focusBranch(frames, g, actionsFor(patchPolicy, g), video.size(0));
  }

  /**
   * Training-mode forward: the glance runs once; the focus network and classifier run twice, on the policy's patches
   * and on uniformly random patches (one draw per frame). Returns {policy branch, random branch}.
   */
  public AdaFocusOutput[] forwardTraining(Tensor video) {
    Tensor frames = framesOf(video);
    GlanceNetwork.Output g = glance.forward(frames);
    Tensor learned = actionsFor(PatchPolicy.LEARNED, g);
    Tensor random = torch.rand_like(learned);
    return new AdaFocusOutput[] {focusBranch(frames, g, learned, video.size(0)), focusBranch(frames, g, random, video.size(0))};
  }

  /** Patch locations for every frame. The policy sees the glance map with the gradient stopped. */
  Tensor actionsFor(PatchPolicy patchPolicy, GlanceNetwork.Output g) {
    return switch (patchPolicy) {
      case LEARNED -> policy.forward(g.map().detach(), config.frames());
      case RANDOM -> torch.rand(new long[] {g.vector().size(0), 2}, g.vector().options());
      case CENTRE -> torch.full(new long[] {g.vector().size(0), 2}, new Scalar(0.5), g.vector().options());
    };
  }

  private AdaFocusOutput focusBranch(Tensor frames, GlanceNetwork.Output g, Tensor actions, long batch) {
    Tensor patches = PatchCrop.crop(frames, actions, config.patchSize());
    Tensor local = focus.forward(patches);
    Tensor stepLogits = classifier.forward(torch.cat(new org.bytedeco.pytorch.TensorVector(g.vector(), local), 1), config.frames());
    Tensor prediction = stepLogits.select(1, config.frames() - 1);
    return new AdaFocusOutput(stepLogits, prediction, glance.auxLogits(g.vector()), focus.auxLogits(local), actions, patches);
  }

  /** [B, T·3, S, S] → [B·T, 3, S, S] (video-major). */
  public Tensor framesOf(Tensor video) {
    long expected = 3L * config.frames();
    if (video.dim() != 4 || video.size(1) != expected || video.size(2) != config.inputSize() || video.size(3) != config.inputSize()) {
      throw new IllegalArgumentException("expected a video batch [B, " + expected + ", " + config.inputSize() + ", "
          + config.inputSize() + "], got " + java.util.Arrays.toString(video.sizes().vec().get()));
    }
    return video.reshape(video.size(0) * config.frames(), 3, config.inputSize(), config.inputSize());
  }

  /** Counts MACs per component of one evaluation forward of a single video (see {@code flops.ModelFlops}). */
  public FlopCounter countFlops(Tensor video) {
    FlopCounter c = FlopCounter.start();
    try (org.bytedeco.pytorch.NoGradGuard ng = new org.bytedeco.pytorch.NoGradGuard()) {
      forward(video);
    } finally {
      c.close();
    }
    return c;
  }
}
