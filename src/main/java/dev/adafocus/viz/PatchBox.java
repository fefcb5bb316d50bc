package dev.adafocus.viz;

/**
 * A patch rectangle in the pixel-edge coordinates of a displayed frame: pixel (i, j) covers [j, j+1) × [i, i+1), so
 * a box at (x, y) of size (width, height) covers columns x .. x+width and rows y .. y+height.
 */
public record PatchBox(double x, double y, double width, double height) {
  public PatchBox {
    if (!(width > 0) || !(height > 0)) {
      throw new IllegalArgumentException("patch box needs a positive size, got " + width + "x" + height);
    }
  }

  /** Horizontal centre. */
  public double centerX() {
    return x + width / 2;
  }

  /** Vertical centre. */
  public double centerY() {
    return y + height / 2;
  }

  /** The same box in an image scaled by {@code scale} (used when frames are enlarged for display). */
  public PatchBox scaled(double scale) {
    return new PatchBox(x * scale, y * scale, width * scale, height * scale);
  }

  /** First column covered, rounded to the nearest pixel edge. */
  public int left() {
    return (int) Math.round(x);
  }

  /** First row covered, rounded to the nearest pixel edge. */
  public int top() {
    return (int) Math.round(y);
  }

  /** One past the last column covered, rounded to the nearest pixel edge. */
  public int right() {
    return (int) Math.round(x + width);
  }

  /** One past the last row covered, rounded to the nearest pixel edge. */
  public int bottom() {
    return (int) Math.round(y + height);
  }
}
