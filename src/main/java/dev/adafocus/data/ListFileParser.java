package dev.adafocus.data;

import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Reads list files in the official and MMAction2 formats; every malformed line is reported by file and line. */
public final class ListFileParser {
  private ListFileParser() {}

  /**
   * Parses {@code file}. Blank lines are ignored. {@code numClasses} > 0 rejects labels outside 0..numClasses-1;
   * 0 accepts any non-negative label.
   */
  public static List<VideoRecord> parse(Path file, ListFormat format, int numClasses) {
    List<String> lines;
    try {
      lines = TextFiles.readLines(file);
    } catch (IOException e) {
      throw new DataFormatException(file, 0, "cannot read the list file: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new DataFormatException(file, 0, "cannot read the list file: " + e.getCause().getMessage());
    }
    List<VideoRecord> records = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (!line.isEmpty()) {
        records.add(parseLine(file, i + 1, line, format, numClasses));
      }
    }
    if (records.isEmpty()) {
      throw new DataFormatException(file, 0, "the list has no videos (expected lines \"" + format.layout() + "\")");
    }
    return records;
  }

  /** The records with at least {@code minFrames} frames (the official training lists drop those under 3). */
  public static List<VideoRecord> withAtLeast(List<VideoRecord> records, int minFrames) {
    return records.stream().filter(r -> r.numFrames() < 0 || r.numFrames() >= minFrames).toList();
  }

  private static VideoRecord parseLine(Path file, int lineNo, String line, ListFormat format, int numClasses) {
    LineFields f = switch (format) {
      case COMMA -> splitComma(line);
      case SPACE -> splitSpace(line);
      case VIDEO -> splitVideo(line);
    };
    if (f == null) {
      throw new DataFormatException(file, lineNo, "wrong number of fields in \"" + line + "\"; lines are \""
          + format.layout() + "\" (" + format + " format)");
    }
    int frames = -1;
    if (f.frames != null) {
      frames = parseInt(file, lineNo, f.frames, "frame count");
      if (frames <= 0) {
        throw new DataFormatException(file, lineNo, "frame count must be positive, got " + frames);
      }
    }
    TreeSet<Integer> labels = new TreeSet<>();
    for (String l : f.labels) {
      int label = parseInt(file, lineNo, l, "label");
      if (label < 0 || (numClasses > 0 && label >= numClasses)) {
        throw new DataFormatException(file, lineNo, "unknown label index " + label + " (valid: 0.."
            + (numClasses > 0 ? String.valueOf(numClasses - 1) : "") + ")");
      }
      labels.add(label);
    }
    return new VideoRecord(f.path, frames, labels.stream().mapToInt(Integer::intValue).toArray(), file, lineNo);
  }

  private static int parseInt(Path file, int lineNo, String token, String what) {
    try {
      return Integer.parseInt(token.strip());
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, lineNo, what + " is not an integer: \"" + token.strip() + "\"");
    }
  }

  private record LineFields(String path, String frames, List<String> labels) {}

  private static LineFields splitComma(String line) {
    String[] parts = line.split(",", -1);
    if (parts.length < 3 || parts[0].isBlank()) {
      return null;
    }
    return new LineFields(parts[0].strip(), parts[1], List.of(parts).subList(2, parts.length));
  }

  /** The last two whitespace-separated tokens are the frame count and the label; everything before is the path. */
  private static LineFields splitSpace(String line) {
    int labelStart = lastTokenStart(line, line.length());
    if (labelStart <= 0) {
      return null;
    }
    int framesEnd = trimEnd(line, labelStart);
    int framesStart = lastTokenStart(line, framesEnd);
    if (framesStart <= 0) {
      return null;
    }
    String path = line.substring(0, trimEnd(line, framesStart));
    if (path.isEmpty()) {
      return null;
    }
    return new LineFields(path, line.substring(framesStart, framesEnd), List.of(line.substring(labelStart)));
  }

  private static LineFields splitVideo(String line) {
    String[] parts = line.split("\\s+");
    if (parts.length < 2) {
      return null;
    }
    return new LineFields(parts[0], null, List.of(parts).subList(1, parts.length));
  }

  private static int lastTokenStart(String s, int end) {
    int i = end;
    while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int trimEnd(String s, int end) {
    int i = end;
    while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }
}
