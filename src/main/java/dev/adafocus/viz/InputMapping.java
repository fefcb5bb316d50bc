package dev.adafocus.viz;

/**
 * How the model's square S×S input was cut from a displayed frame: a point u (pixel-edge coordinates) of the model
 * input lies at {@code offset + u * scale} in the displayed frame. The geometric transforms used at inference
 * (resize, centre crop) are all of this form.
 */
public record InputMapping(double offsetX, double offsetY, double scaleX, double scaleY) {
  public InputMapping {
    if (!(scaleX > 0) || !(scaleY > 0)) {
      throw new IllegalArgumentException("input mapping needs positive scales, got " + scaleX + ", " + scaleY);
    }
  }

  /** The displayed frame is the model input itself. */
  public static InputMapping identity() {
    return new InputMapping(0, 0, 1, 1);
  }

  /** The model input is the whole {@code width}×{@code height} frame resized to {@code inputSize}². */
  public static InputMapping resize(int width, int height, int inputSize) {
    return new InputMapping(0, 0, (double) width / inputSize, (double) height / inputSize);
  }

  /**
   * The model input is the centre {@code cropSize}² crop after resizing the frame's shorter side to
   * {@code shorterSide} (the evaluation transform: shorter side 256, centre crop 224).
   */
  public static InputMapping resizeShorterThenCenterCrop(int width, int height, int shorterSide, int cropSize) {
    double factor = (double) Math.min(width, height) / shorterSide;
    double resizedWidth = width / factor;
    double resizedHeight = height / factor;
    return new InputMapping((resizedWidth - cropSize) / 2 * factor, (resizedHeight - cropSize) / 2 * factor,
        factor, factor);
  }

  /** Maps a box given in model-input pixels to the displayed frame. */
  public PatchBox toDisplay(double x, double y, double width, double height) {
    return new PatchBox(offsetX + x * scaleX, offsetY + y * scaleY, width * scaleX, height * scaleY);
  }
}
