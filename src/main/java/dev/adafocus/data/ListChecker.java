package dev.adafocus.data;

import dev.adafocus.AdaFocusException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that every video of a list can be loaded before a long run: frame folders must hold every announced frame
 * file, and the first and last frames of every video must decode. A folder holding more frames than the list
 * announces is reported as a warning (frames extracted at another rate than the list's). Each unreadable video gets
 * one error.
 */
public final class ListChecker {
  private ListChecker() {}

  /**
   * One finding: where (list file and line), which video, what (without the location); {@code fatal} when loading
   * would fail.
   */
  public record Problem(String where, String videoId, String message, boolean fatal) {}

  /** Receives progress after each video. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  /** Checks every record; returns the problems in list order. */
  public static List<Problem> check(List<VideoRecord> records, VideoOpener opener, Progress progress) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      VideoRecord r = records.get(i);
      try (VideoSource s = opener.open(r)) {
        if (!(s instanceof FrameFolderSource folder) || checkFiles(r, folder, problems)) {
          s.frame(0);
          s.frame(s.frameCount() - 1);
        }
      } catch (AdaFocusException e) {
        problems.add(new Problem(r.where(), r.path(), r.reason(e), true));
      }
      progress.update(i + 1, records.size());
    }
    return problems;
  }

  /** The number of videos with at least one fatal problem. */
  public static long unreadableVideos(List<Problem> problems) {
    return problems.stream().filter(Problem::fatal).map(Problem::where).distinct().count();
  }

  /** Adds the folder's problems; false when frame files are missing (no point decoding then). */
  private static boolean checkFiles(VideoRecord r, FrameFolderSource folder, List<Problem> problems) {
    int missing = 0;
    String firstMissing = null;
    for (int k = 0; k < folder.frameCount(); k++) {
      if (!Files.isRegularFile(folder.framePath(k))) {
        missing++;
        if (firstMissing == null) {
          firstMissing = folder.framePath(k).toString();
        }
      }
    }
    if (missing > 0) {
      problems.add(new Problem(r.where(), r.path(), missing + " of " + folder.frameCount() + " frame files are missing"
          + " (first: " + firstMissing + "; template " + folder.template().pattern() + ")", true));
      return false;
    }
    if (Files.isRegularFile(folder.framePath(folder.frameCount() - 1).resolveSibling(
        folder.template().fileName(folder.frameCount())))) {
      problems.add(new Problem(r.where(), r.path(), "the folder holds more than the " + folder.frameCount()
          + " frames the list announces (extracted at another frame rate?)", false));
    }
    return true;
  }
}
