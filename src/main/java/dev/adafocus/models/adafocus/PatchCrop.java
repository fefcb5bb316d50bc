package dev.adafocus.models.adafocus;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The differentiable, interpolation-based patch selection: patch[c,i,j] = bilinear(frame[c], y1 + i, x1 + j) with
 * y1 = a_y·(S−P), x1 = a_x·(S−P) (pixel-centre convention; the patch never leaves the frame). Implemented exactly as
 * the official code, with an affine grid and bilinear grid sampling (align_corners = false), so the gradient flows to
 * the location a.
 */
public final class PatchCrop {
  private PatchCrop() {}

  /**
   * @param frames [N, C, S, S]
   * @param actions [N, 2] normalised top-left corners (index 0 vertical, index 1 horizontal)
   * @param patchSize P
   * @return patches [N, C, P, P]
   */
  public static Tensor crop(Tensor frames, Tensor actions, int patchSize) {
    long n = frames.size(0);
    long s = frames.size(2);
    if (frames.size(3) != s) {
      throw new IllegalArgumentException("frames must be square, got " + frames.size(2) + "x" + frames.size(3));
    }
    double scale = (double) patchSize / s;
    double slope = 2.0 * (s - patchSize) / s;
    Tensor ay = actions.select(1, 0);
    Tensor ax = actions.select(1, 1);
    // θ = [[P/S, 0, -1 + (2·x1 + P)/S], [0, P/S, -1 + (2·y1 + P)/S]]
    Tensor tx = ax.mul(new Scalar(slope)).add(new Scalar(scale - 1.0));
    Tensor ty = ay.mul(new Scalar(slope)).add(new Scalar(scale - 1.0));
    Tensor fill = torch.full_like(tx, new Scalar(scale));
    Tensor zero = torch.zeros_like(tx);
    Tensor row0 = torch.stack(new TensorVector(fill, zero, tx), 1);
    Tensor row1 = torch.stack(new TensorVector(zero, fill, ty), 1);
    Tensor theta = torch.stack(new TensorVector(row0, row1), 1);
    Tensor grid = torch.affine_grid_generator(theta, new long[] {n, frames.size(1), patchSize, patchSize}, false);
    return torch.grid_sampler(frames, grid, 0, 0, false);
  }

  /** A location coordinate (a_y or a_x) clamped to [0, 1], the range in which the patch stays inside the frame. */
  public static double clampToFrame(double a) {
    return Math.max(0, Math.min(1, a));
  }

  /** The patch's top-left pixel coordinate (y1 or x1) for location coordinate {@code a} (a_y or a_x): a·(S−P). */
  public static double topLeftPixel(double a, int inputSize, int patchSize) {
    return a * (inputSize - patchSize);
  }
}
