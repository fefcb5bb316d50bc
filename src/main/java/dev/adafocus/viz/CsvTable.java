package dev.adafocus.viz;

import dev.adafocus.DataFormatException;
import dev.adafocus.data.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small comma-separated table with a header line (no quoting): the run folder's {@code exit/curve.csv} and
 * {@code static_points.csv}. Blank lines are skipped; every error names the file and line.
 */
public final class CsvTable {
  private final Path file;
  private final List<String> header;
  private final List<String[]> rows;
  private final List<Integer> lines;

  private CsvTable(Path file, List<String> header, List<String[]> rows, List<Integer> lines) {
    this.file = file;
    this.header = header;
    this.rows = rows;
    this.lines = lines;
  }

  /** Reads {@code file}; every row must have as many fields as the header. */
  public static CsvTable read(Path file) {
    List<String> text;
    try {
      text = TextFiles.readLines(file);
    } catch (IOException e) {
      throw new DataFormatException(file, 0, "cannot read: " + e.getMessage());
    }
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new);
      if (header == null) {
        header = List.of(fields);
      } else if (fields.length != header.size()) {
        throw new DataFormatException(file, i + 1, "expected " + header.size() + " fields (" + String.join(",", header)
            + "), got " + fields.length);
      } else {
        rows.add(fields);
        lines.add(i + 1);
      }
    }
    if (header == null) {
      throw new DataFormatException(file, 0, "empty file; expected a header line");
    }
    return new CsvTable(file, header, rows, lines);
  }

  /** Whether the header names {@code column}. */
  public boolean has(String column) {
    return header.contains(column);
  }

  /** Number of data rows. */
  public int size() {
    return rows.size();
  }

  /** The text of {@code column} in data row {@code row}. */
  public String text(int row, String column) {
    return rows.get(row)[columnIndex(column)];
  }

  /** The number in {@code column} of data row {@code row}; an empty cell or "nan" is NaN (a missing value). */
  public double number(int row, String column) {
    String cell = text(row, column);
    if (cell.isEmpty() || cell.toLowerCase(Locale.ROOT).equals("nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, lines.get(row), "column '" + column + "': '" + cell + "' is not a number");
    }
  }

  /** Fails unless the header names every one of {@code columns}. */
  public void require(String... columns) {
    for (String c : columns) {
      if (!has(c)) {
        throw new DataFormatException(file, 1, "missing column '" + c + "'; the header is " + String.join(",", header));
      }
    }
  }

  private int columnIndex(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new DataFormatException(file, 1, "missing column '" + column + "'; the header is "
          + String.join(",", header));
    }
    return i;
  }
}
