package dev.adafocus.train;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * Stochastic gradient descent with momentum and weight decay, exactly {@code torch.optim.SGD} without dampening or
 * Nesterov: {@code d = g + wd·p; buf = d} on a parameter's first step, else {@code buf = m·buf + d}; {@code p -= lr·buf}.
 * Each parameter group has its own learning rate per step. The momentum buffers are its whole state, saved in
 * checkpoints so that a resumed run continues exactly.
 */
public final class Sgd implements AutoCloseable {
  private static final String BUFFER_PREFIX = "momentum_buffer.";

  private final List<ParamGroup> groups;
  private final double momentum;
  private final double weightDecay;
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();

  public Sgd(List<ParamGroup> groups, double momentum, double weightDecay) {
    this.groups = List.copyOf(groups);
    this.momentum = momentum;
    this.weightDecay = weightDecay;
  }

  public List<ParamGroup> groups() {
    return groups;
  }

  /** One update; {@code lrs} maps each group name to its learning rate. Groups in {@code frozen} are skipped. */
  public void step(Map<String, Double> lrs, java.util.Set<String> frozen) {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      for (ParamGroup group : groups) {
        if (frozen.contains(group.name())) {
          continue;
        }
        Scalar minusLr = new Scalar(-lrs.get(group.name()));
        for (Map.Entry<String, Tensor> e : group.params().entrySet()) {
          Tensor p = e.getValue();
          Tensor grad = p.grad();
          if (!grad.defined()) {
            continue;
          }
          Tensor d = weightDecay != 0 ? grad.add(p, new Scalar(weightDecay)) : grad;
          if (momentum != 0) {
            Tensor buf = buffers.get(e.getKey());
            if (buf == null) {
              buffers.put(e.getKey(), owned(d.clone()));
            } else {
              buf.mul_(new Scalar(momentum)).add_(d);
            }
            d = buffers.get(e.getKey());
          }
          p.add_(d, minusLr);
        }
      }
    }
  }

  /** Sets every gradient to zero (as {@code zero_grad()} of the PyTorch version the recipe used). */
  public void zeroGrad() {
    try (NativeScope s = NativeScope.open()) {
      for (ParamGroup group : groups) {
        for (Tensor p : group.params().values()) {
          Tensor grad = p.grad();
          if (grad.defined()) {
            grad.zero_();
          }
        }
      }
    }
  }

  /**
   * Scales all gradients so that their total L2 norm is at most {@code maxNorm} ({@code clip_grad_norm_}: factor
   * {@code maxNorm / (norm + 1e-6)} when below 1). Returns the norm before clipping.
   */
  public double clipGradNorm(double maxNorm) {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      double sumSq = 0;
      for (ParamGroup group : groups) {
        for (Tensor p : group.params().values()) {
          Tensor grad = p.grad();
          if (grad.defined()) {
            double n = grad.norm().item_double();
            sumSq += n * n;
          }
        }
      }
      double norm = Math.sqrt(sumSq);
      double coef = maxNorm / (norm + 1e-6);
      if (coef < 1) {
        for (ParamGroup group : groups) {
          for (Tensor p : group.params().values()) {
            Tensor grad = p.grad();
            if (grad.defined()) {
              grad.mul_(new Scalar(coef));
            }
          }
        }
      }
      return norm;
    }
  }

  /** The momentum buffers as host tensors, keyed {@code momentum_buffer.<parameter name>}. */
  public Map<String, HostTensor> state() {
    Map<String, HostTensor> out = new LinkedHashMap<>();
    buffers.forEach((name, t) -> out.put(BUFFER_PREFIX + name, Tensors.toHost(t)));
    return out;
  }

  /** Restores momentum buffers saved by {@link #state()}; names and shapes must match this optimiser's parameters. */
  public void load(Map<String, HostTensor> state, String source) {
    Map<String, Tensor> params = new LinkedHashMap<>();
    groups.forEach(g -> params.putAll(g.params()));
    closeBuffers();
    for (Map.Entry<String, HostTensor> e : state.entrySet()) {
      if (!e.getKey().startsWith(BUFFER_PREFIX)) {
        throw new CheckpointException(source + ": unexpected optimiser state '" + e.getKey() + "'");
      }
      String name = e.getKey().substring(BUFFER_PREFIX.length());
      Tensor p = params.get(name);
      if (p == null) {
        throw new CheckpointException(source + ": optimiser state for '" + name + "', which is not a trainable parameter");
      }
      long[] shape = Tensors.shape(p);
      if (!Arrays.equals(shape, e.getValue().shape())) {
        throw new CheckpointException(source + ": optimiser state for '" + name + "' has shape "
            + Arrays.toString(e.getValue().shape()) + ", the parameter has " + Arrays.toString(shape));
      }
      buffers.put(name, owned(Tensors.fromHost(e.getValue()).to(p.device(), p.scalar_type())));
    }
  }

  @Override
  public void close() {
    closeBuffers();
  }

  private void closeBuffers() {
    buffers.values().forEach(Tensor::close);
    buffers.clear();
  }

  /**
   * Takes a tensor out of the current native scope: this optimiser holds a reference until {@link #close()}
   * (retain first: detaching releases the scope's reference).
   */
  private static Tensor owned(Tensor t) {
    t.retainReference();
    PointerScope inner = PointerScope.getInnerScope();
    if (inner != null) {
      inner.detach(t);
    }
    return t;
  }
}
