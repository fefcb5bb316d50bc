package dev.adafocus.models.tsm;

import dev.adafocus.models.backbones.BackboneSpec;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** A CPU-sized AdaFocusV2-TSM for tests: 5 classes, 4 glance + 6 focus frames of 32², 16² patches. */
final class TinyTsm {
  private TinyTsm() {}

  static TsmConfig config() {
    return new TsmConfig(5, 4, 6, 32, 16, new BackboneSpec("mobilenet_v2", 0.25), new BackboneSpec("resnet10", 0.25), 8, 0.5);
  }

  static Tensor glance(int videos) {
    return torch.randn(new long[] {videos, 3L * config().glanceFrames(), 32, 32});
  }

  static Tensor focus(int videos) {
    return torch.randn(new long[] {videos, 3L * config().focusFrames(), 32, 32});
  }
}
