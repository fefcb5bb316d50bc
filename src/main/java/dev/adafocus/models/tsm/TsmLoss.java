package dev.adafocus.models.tsm;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The AdaFocusV2-TSM objective. Per branch b (random patch, policy patch):
 * L_b = CE(prediction, y) + CE(glance aux, y) + CE(focus aux, y); L = (L_random + L_policy) / 2. The prediction's CE
 * trains only the {@code new_fc} heads (their inputs are detached); the backbones and the policy learn through the
 * auxiliary terms.
 */
public final class TsmLoss {
  private TsmLoss() {}

  /** The loss and its parts (for logging), each averaged over the branches. */
  public record Terms(Tensor total, double prediction, double glance, double focus) {}

  /**
   * @param branches the branches of {@link AdaFocusV2Tsm#forwardTraining}
   * @param targets int64 [B], one class per video
   */
  public static Terms compute(TsmOutput[] branches, Tensor targets) {
    Tensor total = null;
    double prediction = 0;
    double glance = 0;
    double focus = 0;
    for (TsmOutput o : branches) {
      Tensor cePrediction = torch.cross_entropy_loss(o.prediction(), targets);
      Tensor ceGlance = torch.cross_entropy_loss(o.glanceAux(), targets);
      Tensor ceFocus = torch.cross_entropy_loss(o.focusAux(), targets);
      Tensor branch = cePrediction.add(ceGlance).add(ceFocus);
      total = total == null ? branch : total.add(branch);
      prediction += cePrediction.item_double();
      glance += ceGlance.item_double();
      focus += ceFocus.item_double();
    }
    double n = branches.length;
    return new Terms(total.div(new Scalar(n)), prediction / n, glance / n, focus / n);
  }
}
