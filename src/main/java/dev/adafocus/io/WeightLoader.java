package dev.adafocus.io;

import dev.adafocus.engine.LoadReport;
import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * Loads weight files into a model whose tensor names are the official AdaFocusV2 keys: a full checkpoint (the
 * official {@code ckpt.best.pth.tar}, this project's checkpoints, safetensors) or ImageNet weights for one backbone.
 * Nothing is copied unless the whole mapping is clean; otherwise one {@link CheckpointException} lists every problem.
 */
public final class WeightLoader {
  private WeightLoader() {}

  /** Loads a full AdaFocusV2 checkpoint into {@code model}. */
  public static LoadReport loadCheckpoint(Module model, Path file) {
    WeightFile w = WeightFile.read(file);
    Map<String, Tensor> target = StateDicts.tensors(model);
    WeightMapping m = OfficialKeyMap.adaFocus(OfficialKeyMap.shapes(w.tensors()), shapes(target));
    return copy(target, m, w, file);
  }

  /**
   * Initialises one backbone ({@link OfficialKeyMap#GLANCE} or {@link OfficialKeyMap#FOCUS}) of {@code model} from an
   * ImageNet file of architecture {@code arch} ({@code resnet50}, {@code mobilenet_v2}; see {@link ImageNetLayout}).
   */
  public static LoadReport loadImageNet(Module model, String component, String arch, Path file) {
    WeightFile w = WeightFile.read(file);
    ImageNetLayout layout;
    try {
      layout = ImageNetLayout.forArch(arch, w.tensors().keySet());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(file + ": " + e.getMessage(), e);
    }
    Map<String, Tensor> target = StateDicts.tensors(model);
    WeightMapping m = OfficialKeyMap.imageNet(layout, component, OfficialKeyMap.shapes(w.tensors()), shapes(target));
    if (!m.report().complete()) {
      String detected = ImageNetLayout.detect(w.tensors().keySet()).map(l -> " (the file looks like " + l + ")")
          .orElse(" (the file matches no known ImageNet layout)");
      throw new CheckpointException(m.report().message(file + " as " + layout + " for " + component) + detected);
    }
    return copy(target, m, w, file);
  }

  private static LoadReport copy(Map<String, Tensor> target, WeightMapping m, WeightFile w, Path file) {
    m.report().requireComplete(file);
    LinkedHashMap<String, HostTensor> values = m.apply(w.tensors());
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      for (Map.Entry<String, HostTensor> e : values.entrySet()) {
        Tensor dst = target.get(e.getKey());
        dst.copy_(Tensors.fromHost(e.getValue()).to(dst.device(), dst.scalar_type()));
      }
    }
    return m.report();
  }

  private static Map<String, long[]> shapes(Map<String, Tensor> tensors) {
    Map<String, long[]> out = new LinkedHashMap<>();
    tensors.forEach((k, v) -> out.put(k, Tensors.shape(v)));
    return out;
  }
}
