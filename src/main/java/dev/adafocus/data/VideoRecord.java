package dev.adafocus.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One line of a list file: the video's path (relative to the data root), its frame count (-1 when the list does not
 * say, as for raw videos), its distinct labels in ascending order, and where the line came from.
 */
public record VideoRecord(String path, int numFrames, int[] labels, Path listFile, int line) {
  public VideoRecord {
    if (labels.length == 0) {
      throw new IllegalArgumentException("a video needs at least one label: " + path);
    }
    labels = labels.clone();
  }

  /** The labels (a copy). */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** The first (for single-label lists: the only) label. */
  public int firstLabel() {
    return labels[0];
  }

  /** "file:line", for messages. */
  public String where() {
    return listFile + ":" + line;
  }

  /** The message of an error about this video without the leading {@code where() + ": "}, for reports that print it. */
  public String reason(RuntimeException error) {
    String prefix = where() + ": ";
    String message = String.valueOf(error.getMessage());
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VideoRecord r && r.path.equals(path) && r.numFrames == numFrames
        && Arrays.equals(r.labels, labels) && r.line == line && r.listFile.equals(listFile);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "VideoRecord[" + path + ", frames=" + numFrames + ", labels=" + Arrays.toString(labels) + ", " + where() + "]";
  }
}
