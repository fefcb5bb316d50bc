package dev.adafocus.data;

import java.util.List;

/** A video left out under {@link BadVideoPolicy#SKIP}, with the error that caused it. */
public record SkippedVideo(String videoId, String where, String reason) {
  /** A report for the end of a run: the count, then one line per video with its list line and error. */
  public static String summary(List<SkippedVideo> skipped) {
    StringBuilder sb = new StringBuilder("skipped " + skipped.size() + " unreadable video"
        + (skipped.size() == 1 ? "" : "s") + (skipped.isEmpty() ? "" : ":"));
    for (SkippedVideo s : skipped) {
      sb.append("\n  ").append(s.videoId()).append(" (").append(s.where()).append("): ").append(s.reason());
    }
    return sb.toString();
  }
}
