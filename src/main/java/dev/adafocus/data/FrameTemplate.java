package dev.adafocus.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A frame-file name pattern with one 1-based number, in printf ({@code img_%05d.jpg}) or Python
 * ({@code img_{:05d}.jpg}) notation.
 */
public record FrameTemplate(String pattern) {
  private static final Pattern PRINTF = Pattern.compile("%(0?\\d*)d");
  private static final Pattern PYTHON = Pattern.compile("\\{:(0?\\d*)d}");

  /** ActivityNet/FCVID frames. */
  public static final FrameTemplate IMAGE = new FrameTemplate("image_%05d.jpg");
  /** Mini-Kinetics frames and the extraction script's default. */
  public static final FrameTemplate IMG = new FrameTemplate("img_%05d.jpg");
  /** Sth-Sth V1 and Jester frames. */
  public static final FrameTemplate FIVE_DIGITS = new FrameTemplate("%05d.jpg");
  /** Sth-Sth V2 frames. */
  public static final FrameTemplate SIX_DIGITS = new FrameTemplate("%06d.jpg");

  public FrameTemplate {
    String p = toPrintf(pattern);
    Matcher m = PRINTF.matcher(p);
    int count = 0;
    while (m.find()) {
      count++;
    }
    if (count != 1 || p.replace("%%", "").chars().filter(ch -> ch == '%').count() != 1) {
      throw new IllegalArgumentException("frame template \"" + pattern
          + "\" needs exactly one number field such as %05d or {:05d} (e.g. img_%05d.jpg)");
    }
    pattern = p;
  }

  /** The file name of frame {@code index} (0-based): the number written is index + 1. */
  public String fileName(int index) {
    return String.format(pattern, index + 1);
  }

  private static String toPrintf(String p) {
    return PYTHON.matcher(p).replaceAll("%$1d");
  }
}
