package dev.adafocus.nn;

import dev.adafocus.engine.NativeScope;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.MemoryFormat;

/**
 * Stores every convolution weight of a model in the channels-last (NHWC) layout, in place. A convolution whose weight
 * is channels-last produces channels-last activations, so the whole CNN then runs in the layout oneDNN's CPU kernels
 * prefer (no reorders around each convolution; depthwise convolutions gain most). Values, names and shapes are
 * unchanged: only the memory layout differs, and every operation keeps its meaning.
 */
public final class ChannelsLast {
  private ChannelsLast() {}

  /** Converts the 4-D parameters under {@code model}; returns how many it converted. */
  public static int convert(Module model) {
    int count = 0;
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      var params = model.named_parameters(true);
      for (long i = 0; i < params.size(); i++) {
        Tensor p = params.get(i).value();
        if (p.dim() == 4) {
          p.set_data(p.contiguous(MemoryFormat.ChannelsLast));
          count++;
        }
      }
    }
    return count;
  }
}
