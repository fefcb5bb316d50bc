package dev.adafocus.viz;

import java.nio.file.Path;

/** The demo's pictures of one trace: the annotated animation and, beside it, the contact sheet PNG. */
public final class FocusPictures {
  /** Default time each step is shown in the animation, in milliseconds. */
  public static final int DEFAULT_FRAME_DELAY_MS = 600;

  /** The files written: the animation (with its codec) and the contact sheet. */
  public record Written(AnimationWriter.Written animation, Path contactSheet) {}

  private FocusPictures() {}

  /**
   * Writes the animation to {@code animation} (.gif or .mp4) and the contact sheet to
   * {@code <animation name without extension>_sheet.png} in the same folder.
   */
  public static Written write(FocusTrace trace, Path animation, String caption, int frameDelayMs) {
    AnimationWriter.Written anim = AnimationWriter.write(animation, PatchOverlay.forTrace(trace).renderAll(trace),
        frameDelayMs);
    Path sheet = contactSheetPath(animation);
    ContactSheet.write(sheet, trace, caption);
    return new Written(anim, sheet);
  }

  /** The contact sheet's path for a given animation path. */
  public static Path contactSheetPath(Path animation) {
    String name = animation.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    return animation.resolveSibling(stem + "_sheet.png");
  }
}
