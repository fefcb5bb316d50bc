package dev.adafocus.data.synthetic;

/** An axis-aligned pixel box {@code [x, x+width) × [y, y+height)} in frame coordinates. */
public record ObjectBox(int x, int y, int width, int height) {
  public ObjectBox {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("box size must be non-negative, got " + width + "x" + height);
    }
  }

  /** Horizontal centre, in pixels. */
  public double centreX() {
    return x + width / 2.0;
  }

  /** Vertical centre, in pixels. */
  public double centreY() {
    return y + height / 2.0;
  }

  /** Whether pixel (px, py) lies inside the box. */
  public boolean contains(int px, int py) {
    return px >= x && px < x + width && py >= y && py < y + height;
  }

  /** Whether {@code other} lies entirely inside this box. */
  public boolean contains(ObjectBox other) {
    return other.x >= x && other.y >= y && other.x + other.width <= x + width && other.y + other.height <= y + height;
  }

  /** Area of the intersection with {@code other}, in pixels. */
  public long overlapArea(ObjectBox other) {
    long w = Math.min(x + width, other.x + other.width) - (long) Math.max(x, other.x);
    long h = Math.min(y + height, other.y + other.height) - (long) Math.max(y, other.y);
    return w > 0 && h > 0 ? w * h : 0;
  }

  /** The size×size square centred on this box, shifted to lie inside a frame of the given side. */
  public ObjectBox centredSquare(int size, int frameSide) {
    int left = (int) Math.round(centreX() - size / 2.0);
    int top = (int) Math.round(centreY() - size / 2.0);
    int max = frameSide - size;
    return new ObjectBox(Math.max(0, Math.min(max, left)), Math.max(0, Math.min(max, top)), size, size);
  }
}
