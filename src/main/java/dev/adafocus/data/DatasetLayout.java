package dev.adafocus.data;

import java.nio.file.Path;

/**
 * The on-disk conventions of the datasets the official code supports: list format, frame-file template, whether
 * horizontal flips are allowed (not for Sth-Sth/Jester, whose labels depend on direction), and the class count.
 */
public enum DatasetLayout {
  ACTIVITYNET(ListFormat.COMMA, FrameTemplate.IMAGE, true, 200),
  FCVID(ListFormat.COMMA, FrameTemplate.IMAGE, true, 239),
  MINI_KINETICS(ListFormat.SPACE, FrameTemplate.IMG, true, 200),
  SOMETHING_V1(ListFormat.SPACE, FrameTemplate.FIVE_DIGITS, false, 174),
  SOMETHING_V2(ListFormat.SPACE, FrameTemplate.SIX_DIGITS, false, 174),
  JESTER(ListFormat.SPACE, FrameTemplate.FIVE_DIGITS, false, 27),
  /** Raw video files with an MMAction2 list; any number of classes. */
  VIDEO_FILES(ListFormat.VIDEO, null, true, 0);

  private final ListFormat format;
  private final FrameTemplate template;
  private final boolean flip;
  private final int numClasses;

  DatasetLayout(ListFormat format, FrameTemplate template, boolean flip, int numClasses) {
    this.format = format;
    this.template = template;
    this.flip = flip;
    this.numClasses = numClasses;
  }

  /** The list-file format. */
  public ListFormat format() {
    return format;
  }

  /** The frame-file template (null for raw videos). */
  public FrameTemplate template() {
    return template;
  }

  /** Whether training may flip clips horizontally. */
  public boolean flip() {
    return flip;
  }

  /** The number of classes (0: not fixed). */
  public int numClasses() {
    return numClasses;
  }

  /** How the videos of a list are opened under {@code root}. */
  public VideoOpener opener(Path root) {
    return VideoOpener.of(format, root, template);
  }
}
