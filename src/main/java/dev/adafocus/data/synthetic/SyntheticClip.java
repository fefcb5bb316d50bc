package dev.adafocus.data.synthetic;

import dev.adafocus.data.RgbFrame;
import dev.adafocus.data.VideoSource;
import java.util.List;

/**
 * One generated clip of the built-in benchmark. Its geometry is fixed at creation; frames are rendered on demand
 * and are identical however often and in whatever order they are asked for.
 */
public final class SyntheticClip implements VideoSource {
  /** Alpha (0..255) from which a target pixel counts as part of the object box. */
  static final int INK_THRESHOLD = 32;

  /** A sprite and where its top-left corner is in each frame. */
  record Moving(Sprite sprite, int[] left, int[] top, int level) {}

  private final Split split;
  private final int index;
  private final int label;
  private final int side;
  private final Moving target;
  private final int[] targetColour;
  private final List<Moving> clutter;
  private final NoiseBank noise;
  private final int[] noiseOffsets;
  private final ObjectBox inkBox;

  SyntheticClip(Split split, int index, int label, int side, Moving target, int[] targetColour,
      List<Moving> clutter, NoiseBank noise, int[] noiseOffsets) {
    this.split = split;
    this.index = index;
    this.label = label;
    this.side = side;
    this.target = target;
    this.targetColour = targetColour;
    this.clutter = clutter;
    this.noise = noise;
    this.noiseOffsets = noiseOffsets;
    this.inkBox = target.sprite().inkBox(INK_THRESHOLD);
  }

  /** The split this clip belongs to. */
  public Split split() {
    return split;
  }

  /** The clip's index within its split. */
  public int index() {
    return index;
  }

  /** The class: the digit the target shows, or its direction of motion ({@link LabelRule}). */
  public int label() {
    return label;
  }

  /** Ground-truth box of the target's ink (alpha ≥ 1/8) in frame {@code t}. */
  public ObjectBox box(int t) {
    checkFrame(t);
    return new ObjectBox(target.left()[t] + inkBox.x(), target.top()[t] + inkBox.y(), inkBox.width(),
        inkBox.height());
  }

  @Override
  public int frameCount() {
    return noiseOffsets.length;
  }

  @Override
  public int width() {
    return side;
  }

  @Override
  public int height() {
    return side;
  }

  @Override
  public RgbFrame frame(int t) {
    checkFrame(t);
    byte[] rgb = new byte[side * side * 3];
    for (Moving m : clutter) {
      m.sprite().paintMax(rgb, side, m.left()[t], m.top()[t], m.level());
    }
    target.sprite().paintOver(rgb, side, target.left()[t], target.top()[t], targetColour);
    if (noise != null) {
      noise.addTo(rgb, noiseOffsets[t]);
    }
    return new RgbFrame(side, side, rgb);
  }

  private void checkFrame(int t) {
    if (t < 0 || t >= noiseOffsets.length) {
      throw new IndexOutOfBoundsException("frame " + t + " of " + split.fileName() + " clip " + index + " (has "
          + noiseOffsets.length + " frames)");
    }
  }

  @Override
  public String toString() {
    return split.fileName() + " clip " + index + " (label " + label + ")";
  }
}
