package dev.adafocus.nn;

import dev.adafocus.flops.FlopCounter;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * One-layer GRU with PyTorch's parameter names and gate order (reset, update, new):
 * {@code weight_ih_l0} [3H, in], {@code weight_hh_l0} [3H, H], {@code bias_ih_l0}, {@code bias_hh_l0}.
 * Runs step by step so that inference can stop after any step.
 */
public final class Gru extends Layer {
  private final Tensor weightIh;
  private final Tensor weightHh;
  private final Tensor biasIh;
  private final Tensor biasHh;
  private final long inputSize;
  private final long hiddenSize;
  private boolean projectBatches;

  public Gru(long inputSize, long hiddenSize) {
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    double bound = 1.0 / Math.sqrt(hiddenSize);
    weightIh = param("weight_ih_l0", Init.uniform(bound, 3 * hiddenSize, inputSize));
    weightHh = param("weight_hh_l0", Init.uniform(bound, 3 * hiddenSize, hiddenSize));
    biasIh = param("bias_ih_l0", Init.uniform(bound, 3 * hiddenSize));
    biasHh = param("bias_hh_l0", Init.uniform(bound, 3 * hiddenSize));
  }

  public long hiddenSize() {
    return hiddenSize;
  }

  /**
   * From now on, {@link #forward} on a batch of sequences without gradients projects all inputs at once too, as it
   * always does for one sequence (an inference optimisation: batched evaluation otherwise keeps {@code gru_cell}).
   */
  public void projectBatches() {
    projectBatches = true;
  }

  /** The zero initial state for a batch of {@code n} sequences, matching {@code like}'s dtype and device. */
  public Tensor initialState(long n, Tensor like) {
    return torch.zeros(new long[] {n, hiddenSize}, like.options());
  }

  /**
   * One step: x [N, in], h [N, H] → h' [N, H]. A single sequence without gradients (one-video inference) takes
   * matrix-vector products: the one-row matrix product behind {@code gru_cell} is several times slower on OpenBLAS.
   */
  public Tensor step(Tensor x, Tensor h) {
    FlopCounter.record(x.size(0) * 3 * (inputSize + hiddenSize) * hiddenSize);
    if (x.size(0) == 1 && !org.bytedeco.pytorch.GradMode.is_enabled()) {
      return singleStep(x.select(0, 0), h.select(0, 0)).unsqueeze(0);
    }
    return torch.gru_cell(x, h, weightIh, weightHh, new TensorOptional(biasIh), new TensorOptional(biasHh));
  }

  private Tensor singleStep(Tensor x, Tensor h) {
    return cell(torch.addmv(biasIh, weightIh, x), torch.addmv(biasHh, weightHh, h), h);
  }

  /**
   * The GRU equations (gate order reset, update, new), as {@code gru_cell} computes them, from the input's projection
   * W_ih·x + b_ih and the state's W_hh·h + b_hh ([3H] or [N, 3H]) and the state h ([H] or [N, H]).
   */
  private static Tensor cell(Tensor inputGates, Tensor stateGates, Tensor h) {
    TensorVector gi = inputGates.chunk(3, -1);
    TensorVector gh = stateGates.chunk(3, -1);
    Tensor r = torch.sigmoid(gi.get(0).add(gh.get(0)));
    Tensor z = torch.sigmoid(gi.get(1).add(gh.get(1)));
    Tensor n = torch.tanh(gi.get(2).add(r.mul(gh.get(2))));
    return n.add(h.sub(n).mul(z));
  }

  /**
   * The whole sequence: x [N, T, in] → outputs [N, T, H], starting from h0 = 0. A single sequence without gradients
   * projects the inputs of all steps in one matrix product (reading W_ih once instead of T times), then steps with
   * matrix-vector products; so does a batch after {@link #projectBatches}.
   */
  @Override
  public Tensor forward(Tensor x) {
    boolean inference = !org.bytedeco.pytorch.GradMode.is_enabled();
    if (x.size(0) == 1 && inference) {
      return singleSequence(x.select(0, 0)).unsqueeze(0);
    }
    if (projectBatches && inference) {
      return projectedBatch(x);
    }
    long steps = x.size(1);
    Tensor h = initialState(x.size(0), x);
    TensorVector outs = new TensorVector();
    for (long t = 0; t < steps; t++) {
      h = step(x.select(1, t), h);
      outs.push_back(h);
    }
    return torch.stack(outs, 1);
  }

  /** x [T, in] → outputs [T, H] for one sequence, without gradients. */
  private Tensor singleSequence(Tensor x) {
    long steps = x.size(0);
    FlopCounter.record(steps * 3 * (inputSize + hiddenSize) * hiddenSize);
    Tensor inputGates = torch.addmm(biasIh, x, weightIh.t());
    Tensor h = torch.zeros(new long[] {hiddenSize}, x.options());
    TensorVector outs = new TensorVector();
    for (long t = 0; t < steps; t++) {
      h = cell(inputGates.select(0, t), torch.addmv(biasHh, weightHh, h), h);
      outs.push_back(h);
    }
    return torch.stack(outs, 0);
  }

  /**
   * x [N, T, in] → outputs [N, T, H] without gradients: the inputs of all steps projected in one matrix product, and
   * each step's state product as W_hh·hᵀ (with OpenBLAS about 3× faster than {@code gru_cell}'s two products per step
   * for 8 sequences of width 2048).
   */
  private Tensor projectedBatch(Tensor x) {
    long n = x.size(0);
    long steps = x.size(1);
    FlopCounter.record(n * steps * 3 * (inputSize + hiddenSize) * hiddenSize);
    Tensor inputGates = torch.addmm(biasIh, x.reshape(n * steps, inputSize), weightIh.t()).view(n, steps, 3 * hiddenSize);
    Tensor h = initialState(n, x);
    TensorVector outs = new TensorVector();
    for (long t = 0; t < steps; t++) {
      h = cell(inputGates.select(1, t), torch.matmul(weightHh, h.t()).t().add(biasHh), h);
      outs.push_back(h);
    }
    return torch.stack(outs, 1);
  }
}
