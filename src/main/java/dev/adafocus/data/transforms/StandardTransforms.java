package dev.adafocus.data.transforms;

/** The official train and evaluation pipelines (dossier §2.3). */
public final class StandardTransforms {
  private StandardTransforms() {}

  /** Multi-scale crop to {@code inputSize}, then (unless {@code flip} is off, as for Sth-Sth/Jester) a clip flip. */
  public static ClipTransform training(int inputSize, boolean flip) {
    ClipTransform crop = MultiScaleCrop.standard(inputSize);
    return flip ? crop.then(new HorizontalFlip()) : crop;
  }

  /** Shorter side to inputSize·256/224 (256 for 224), then the centre inputSize crop. */
  public static ClipTransform evaluation(int inputSize) {
    return new ScaleShorterSide(inputSize * 256 / 224).then(new CenterCrop(inputSize));
  }
}
