package dev.adafocus.recipe;

import dev.adafocus.data.Batch;
import dev.adafocus.eval.Predictor;
import dev.adafocus.eval.VideoPredictions;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.adafocus.GlanceNetwork;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;

/**
 * The glance alone as a classifier (a baseline of the demo): the glance network's auxiliary head on every frame,
 * averaged over the frames seen so far, one prediction per step.
 */
public final class GlanceOnlyPredictor implements Predictor<Batch> {
  private final AdaFocusV2 model;

  public GlanceOnlyPredictor(AdaFocusV2 model) {
    this.model = model;
  }

  @Override
  public void setTraining(boolean training) {
    model.train(training);
  }

  @Override
  public VideoPredictions predict(Batch batch) {
    Tensor video = batch.frames();
    int frames = model.config().frames();
    long b = video.size(0);
    GlanceNetwork.Output g = model.glance().forward(
        video.reshape(b * frames, 3, model.config().inputSize(), model.config().inputSize()));
    Tensor logits = model.glance().auxLogits(g.vector()).view(b, frames, -1);
    Tensor running = logits.cumsum(1, new ScalarTypeOptional());
    Tensor counts = org.bytedeco.pytorch.global.torch.arange(new org.bytedeco.pytorch.Scalar(1),
        new org.bytedeco.pytorch.Scalar(frames + 1)).to(logits.scalar_type()).view(1, frames, 1);
    return AdaFocusTask.predictions(batch, running.div(counts));
  }
}
