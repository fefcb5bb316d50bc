package dev.adafocus.data;

/**
 * How clips are drawn: the frames of each view (one view of 16 for AdaFocusV2; 8 glance + 12 focus frames, sampled
 * independently, for the Sth-Sth model), training or evaluation sampling, and whether frames are put in the
 * coarse-to-fine order of the official {@code --sample} option.
 */
public record ClipSampling(int[] framesPerView, boolean training, boolean coarseToFine) {
  public ClipSampling {
    if (framesPerView.length == 0) {
      throw new IllegalArgumentException("need at least one view");
    }
    for (int t : framesPerView) {
      if (t < 1) {
        throw new IllegalArgumentException("a view needs at least one frame, got " + t);
      }
    }
    framesPerView = framesPerView.clone();
  }

  /** One view of {@code frames} frames. */
  public static ClipSampling single(int frames, boolean training, boolean coarseToFine) {
    return new ClipSampling(new int[] {frames}, training, coarseToFine);
  }

  /** The Sth-Sth two views: {@code glance} and {@code focus} frames sampled independently (dossier §3.3). */
  public static ClipSampling twoView(int glance, int focus, boolean training) {
    return new ClipSampling(new int[] {glance, focus}, training, false);
  }

  @Override
  public int[] framesPerView() {
    return framesPerView.clone();
  }

  /** Number of views. */
  public int views() {
    return framesPerView.length;
  }

  /** Frames of view {@code v}. */
  public int frames(int v) {
    return framesPerView[v];
  }
}
