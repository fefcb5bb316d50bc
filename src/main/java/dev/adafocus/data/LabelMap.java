package dev.adafocus.data;

import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class names by label index, read from {@code classInd.txt} ({@code 0,Applying sunscreen} or
 * {@code 1 ApplyEyeMakeup}), {@code category.txt} or any one-name-per-line label map.
 */
public final class LabelMap {
  private static final Pattern INDEXED = Pattern.compile("^(-?\\d+)(?:,|\\s+)(.*\\S.*)$");
  private static final Pattern BARE_INDEX = Pattern.compile("^-?\\d+,?$");

  private final List<String> names;

  private LabelMap(List<String> names) {
    this.names = List.copyOf(names);
  }

  /**
   * Reads a label map. When every line starts with an index ({@code 0,name} or {@code 1 name}) the indices are used;
   * indices starting at 1 (UCF101's {@code classInd.txt}) are shifted to 0, as the official list files are
   * 0-based. When more than half of the lines are indexed but not all, the first other line is an error, as is a
   * negative index or one that does not fit an int. Otherwise each line is one name and its index is its line
   * number minus 1.
   */
  public static LabelMap read(Path file) {
    List<String> raw;
    try {
      raw = TextFiles.readLines(file);
    } catch (IOException e) {
      throw new DataFormatException(file, 0, "cannot read the label map: " + e.getMessage());
    }
    List<String> lines = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String s = raw.get(i).strip();
      if (!s.isEmpty()) {
        lines.add(s);
        lineNumbers.add(i + 1);
      }
    }
    if (lines.isEmpty()) {
      throw new DataFormatException(file, 0, "the label map has no classes");
    }
    long indexed = lines.stream().filter(s -> INDEXED.matcher(s).matches()).count();
    return indexed * 2 > lines.size() ? readIndexed(file, lines, lineNumbers) : new LabelMap(lines);
  }

  private static LabelMap readIndexed(Path file, List<String> lines, List<Integer> lineNumbers) {
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = INDEXED.matcher(lines.get(i));
      if (!m.matches()) {
        String what = BARE_INDEX.matcher(lines.get(i)).matches() ? "a class index without a name"
            : "not \"index,name\" or \"index name\"";
        throw new DataFormatException(file, lineNumbers.get(i), "\"" + lines.get(i) + "\" is " + what
            + ", as most lines of this label map are");
      }
      int index;
      try {
        index = Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        throw new DataFormatException(file, lineNumbers.get(i), "class index " + m.group(1) + " is too large");
      }
      if (index < 0) {
        throw new DataFormatException(file, lineNumbers.get(i), "class index " + index + " is negative");
      }
      if (byIndex.put(index, m.group(2).strip()) != null) {
        throw new DataFormatException(file, lineNumbers.get(i), "class index " + index + " appears twice");
      }
    }
    int first = byIndex.firstKey();
    if (first > 1 || byIndex.lastKey() - first + 1 != byIndex.size()) {
      throw new DataFormatException(file, 0, "class indices must run without gaps from 0 (or 1); found "
          + byIndex.size() + " classes between " + first + " and " + byIndex.lastKey());
    }
    return new LabelMap(new ArrayList<>(byIndex.values()));
  }

  /** Number of classes. */
  public int size() {
    return names.size();
  }

  /** Name of class {@code index} (0-based). */
  public String name(int index) {
    return names.get(index);
  }

  /** All names in index order. */
  public List<String> names() {
    return names;
  }
}
