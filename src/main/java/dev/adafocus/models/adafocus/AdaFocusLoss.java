package dev.adafocus.models.adafocus;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The one-stage AdaFocusV2 objective. Per branch b (policy patches, random patches):
 * L_b = CE(all T step logits, y) + CE(glance aux logits, y) + CE(focus aux logits, y), every frame carrying the video's
 * target; L = (L_policy + L_random) / 2. (The stop-gradient into the policy is part of the model's forward.)
 */
public final class AdaFocusLoss {
  private AdaFocusLoss() {}

  /** The loss and its parts (for logging), each averaged over the two branches. */
  public record Terms(Tensor total, double steps, double glance, double focus) {}

  /**
   * @param branches {policy branch, random branch} from {@link AdaFocusV2#forwardTraining}
   * @param targets int64 [B], one class per video
   */
  public static Terms compute(AdaFocusOutput[] branches, Tensor targets) {
    Tensor total = null;
    double steps = 0;
    double glance = 0;
    double focus = 0;
    for (AdaFocusOutput o : branches) {
      long frames = o.stepLogits().size(1);
      Tensor perFrame = targets.unsqueeze(1).expand(targets.size(0), frames).reshape(-1);
      Tensor ceSteps = torch.cross_entropy_loss(o.stepLogits().reshape(-1, o.stepLogits().size(2)), perFrame);
      Tensor ceGlance = torch.cross_entropy_loss(o.glanceLogits(), perFrame);
      Tensor ceFocus = torch.cross_entropy_loss(o.focusLogits(), perFrame);
      Tensor branch = ceSteps.add(ceGlance).add(ceFocus);
      total = total == null ? branch : total.add(branch);
      steps += ceSteps.item_double();
      glance += ceGlance.item_double();
      focus += ceFocus.item_double();
    }
    double n = branches.length;
    return new Terms(total.div(new Scalar(n)), steps / n, glance / n, focus / n);
  }
}
