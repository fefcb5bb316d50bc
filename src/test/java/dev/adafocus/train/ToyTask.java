package dev.adafocus.train;

import dev.adafocus.engine.Tensors;
import dev.adafocus.eval.VideoPredictions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.BatchNorm1dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * A tiny real classifier for trainer tests: BatchNorm1d (optional) + dropout + Linear on feature vectors, two
 * "steps" of logits (step t = logits·t/T). Parameter groups: {@code glance} (BatchNorm) and {@code classifier}
 * (Linear).
 */
final class ToyTask implements TrainTask<ToyBatch> {
  static final int STEPS = 2;

  private final Module net = new Module();
  private final BatchNorm1dImpl bn;
  private final LinearImpl fc;
  private final double dropout;

  ToyTask(int features, int classes, boolean batchNorm, double dropout, long initSeed) {
    torch.manual_seed(initSeed);
    this.bn = batchNorm ? net.register_module("bn", new BatchNorm1dImpl(new BatchNormOptions(features))) : null;
    this.fc = net.register_module("fc", new LinearImpl(features, classes));
    this.dropout = dropout;
  }

  @Override
  public Module module() {
    return net;
  }

  @Override
  public List<ParamGroup> parameterGroups() {
    Map<String, Tensor> cls = new LinkedHashMap<>();
    cls.put("fc.weight", fc.weight());
    cls.put("fc.bias", fc.bias());
    if (bn == null) {
      return List.of(new ParamGroup("classifier", cls));
    }
    Map<String, Tensor> glance = new LinkedHashMap<>();
    glance.put("bn.weight", bn.weight());
    glance.put("bn.bias", bn.bias());
    return List.of(new ParamGroup("glance", glance), new ParamGroup("classifier", cls));
  }

  @Override
  public void setTraining(boolean training) {
    net.train(training);
  }

  private Tensor logits(ToyBatch b) {
    Tensor x = Tensors.floats(b.features(), b.size(), b.features().length / b.size());
    if (bn != null) {
      x = bn.forward(x);
    }
    return fc.forward(torch.dropout(x, dropout, net.is_training()));
  }

  @Override
  public StepResult trainStep(ToyBatch b) {
    Tensor logits = logits(b);
    Tensor loss = torch.cross_entropy(logits, Tensors.longs(b.targets(), b.size()));
    float[] l = Tensors.toFloats(logits);
    int c = l.length / b.size();
    int correct = 0;
    for (int i = 0; i < b.size(); i++) {
      int arg = 0;
      for (int k = 1; k < c; k++) {
        if (l[i * c + k] > l[i * c + arg]) {
          arg = k;
        }
      }
      correct += arg == b.targets()[i] ? 1 : 0;
    }
    return new StepResult(loss, Map.of("top1_acc", 100.0 * correct / b.size()));
  }

  @Override
  public VideoPredictions predict(ToyBatch b) {
    float[] l = Tensors.toFloats(logits(b));
    int c = l.length / b.size();
    float[][][] steps = new float[b.size()][STEPS][c];
    int[][] labels = new int[b.size()][];
    String[] names = new String[b.size()];
    for (int i = 0; i < b.size(); i++) {
      for (int t = 0; t < STEPS; t++) {
        for (int k = 0; k < c; k++) {
          steps[i][t][k] = l[i * c + k] * (t + 1) / STEPS;
        }
      }
      labels[i] = new int[] {(int) b.targets()[i], -1, -1};
      names[i] = "video_" + b.indices()[i];
    }
    return new VideoPredictions(b.indices(), names, labels, steps);
  }

  /** Parameters and buffers flattened, for exact comparisons. */
  float[] flatState() {
    return flat(dev.adafocus.engine.StateDicts.export(net));
  }

  /** The values of a state dict, concatenated in key order. */
  static float[] flat(Map<String, dev.adafocus.engine.HostTensor> state) {
    return state.values().stream().map(h -> h.toFloats()).reduce(new float[0], (a, b) -> {
      float[] o = java.util.Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, o, a.length, b.length);
      return o;
    });
  }
}
