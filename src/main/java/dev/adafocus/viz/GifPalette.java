package dev.adafocus.viz;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One 256-colour palette for all frames of a GIF: the overlay colours are kept exactly (so boxes stay pure), the
 * remaining entries come from a median cut of the frames' colours (5 bits per channel), and every other pixel maps
 * to its nearest entry.
 */
final class GifPalette {
  private static final int SIZE = 256;
  private static final int BINS = 1 << 15;

  private final IndexColorModel model;
  private final int[] reserved;
  private final int[] palette;
  private final short[] binToIndex = new short[BINS];

  private GifPalette(int[] reserved, int[] palette) {
    this.reserved = reserved;
    this.palette = palette;
    byte[] r = new byte[palette.length];
    byte[] g = new byte[palette.length];
    byte[] b = new byte[palette.length];
    for (int i = 0; i < palette.length; i++) {
      r[i] = (byte) (palette[i] >> 16);
      g[i] = (byte) (palette[i] >> 8);
      b[i] = (byte) palette[i];
    }
    this.model = new IndexColorModel(8, palette.length, r, g, b);
    Arrays.fill(binToIndex, (short) -1);
  }

  /** A palette for {@code frames} that contains each of the {@code exact} RGB colours unchanged. */
  static GifPalette of(List<BufferedImage> frames, int... exact) {
    int[] reserved = Arrays.stream(exact).map(c -> c & 0xffffff).distinct().toArray();
    long[] count = new long[BINS];
    long[][] sum = new long[BINS][3];
    for (BufferedImage img : frames) {
      int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
      for (int p : px) {
        int rgb = p & 0xffffff;
        if (isReserved(reserved, rgb)) {
          continue;
        }
        int bin = bin(rgb);
        count[bin]++;
        sum[bin][0] += rgb >> 16;
        sum[bin][1] += (rgb >> 8) & 0xff;
        sum[bin][2] += rgb & 0xff;
      }
    }
    List<int[]> boxes = medianCut(count, SIZE - reserved.length);
    int[] palette = new int[reserved.length + boxes.size()];
    System.arraycopy(reserved, 0, palette, 0, reserved.length);
    for (int i = 0; i < boxes.size(); i++) {
      long n = 0;
      long[] s = new long[3];
      for (int bin : boxes.get(i)) {
        n += count[bin];
        for (int c = 0; c < 3; c++) {
          s[c] += sum[bin][c];
        }
      }
      palette[reserved.length + i] = (int) ((s[0] / n) << 16 | (s[1] / n) << 8 | (s[2] / n));
    }
    return new GifPalette(reserved, palette);
  }

  /** {@code img} as an 8-bit indexed image over this palette. */
  BufferedImage index(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
    WritableRaster raster = out.getRaster();
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    int[] idx = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        idx[x] = indexOf(px[y * w + x] & 0xffffff);
      }
      raster.setPixels(0, y, w, 1, idx);
    }
    return out;
  }

  private int indexOf(int rgb) {
    for (int i = 0; i < reserved.length; i++) {
      if (reserved[i] == rgb) {
        return i;
      }
    }
    int bin = bin(rgb);
    if (binToIndex[bin] < 0) {
      binToIndex[bin] = (short) nearest(binCentre(bin));
    }
    return binToIndex[bin];
  }

  private int nearest(int rgb) {
    int best = 0;
    long bestDist = Long.MAX_VALUE;
    for (int i = reserved.length; i < palette.length; i++) {
      long d = distance(rgb, palette[i]);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    }
    return palette.length > reserved.length ? best : 0;
  }

  private static long distance(int a, int b) {
    long dr = (a >> 16) - (b >> 16);
    long dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
    long db = (a & 0xff) - (b & 0xff);
    return dr * dr + dg * dg + db * db;
  }

  private static boolean isReserved(int[] reserved, int rgb) {
    for (int r : reserved) {
      if (r == rgb) {
        return true;
      }
    }
    return false;
  }

  private static int bin(int rgb) {
    return ((rgb >> 19) & 31) << 10 | ((rgb >> 11) & 31) << 5 | ((rgb >> 3) & 31);
  }

  private static int binCentre(int bin) {
    return (((bin >> 10) & 31) * 8 + 4) << 16 | (((bin >> 5) & 31) * 8 + 4) << 8 | ((bin & 31) * 8 + 4);
  }

  private static int channel(int bin, int c) {
    return (bin >> (10 - 5 * c)) & 31;
  }

  /** Splits the occupied bins into at most {@code maxBoxes} boxes, always cutting the widest box at its median. */
  private static List<int[]> medianCut(long[] count, int maxBoxes) {
    int[] occupied = java.util.stream.IntStream.range(0, BINS).filter(b -> count[b] > 0).toArray();
    List<int[]> boxes = new ArrayList<>();
    if (occupied.length > 0) {
      boxes.add(occupied);
    }
    while (boxes.size() < maxBoxes) {
      int widest = -1;
      int widestRange = 0;
      int widestChannel = 0;
      for (int i = 0; i < boxes.size(); i++) {
        for (int c = 0; c < 3; c++) {
          int min = 31;
          int max = 0;
          for (int bin : boxes.get(i)) {
            min = Math.min(min, channel(bin, c));
            max = Math.max(max, channel(bin, c));
          }
          if (max - min > widestRange) {
            widestRange = max - min;
            widest = i;
            widestChannel = c;
          }
        }
      }
      if (widest < 0) {
        break;
      }
      int c = widestChannel;
      int[] box = boxes.remove(widest);
      Integer[] sorted = Arrays.stream(box).boxed().sorted(Comparator.comparingInt(b -> channel(b, c)))
          .toArray(Integer[]::new);
      long total = Arrays.stream(box).mapToLong(b -> count[b]).sum();
      long acc = 0;
      int cut = 1;
      for (int i = 0; i < sorted.length - 1; i++) {
        acc += count[sorted[i]];
        cut = i + 1;
        if (2 * acc >= total) {
          break;
        }
      }
      boxes.add(Arrays.stream(sorted, 0, cut).mapToInt(Integer::intValue).toArray());
      boxes.add(Arrays.stream(sorted, cut, sorted.length).mapToInt(Integer::intValue).toArray());
    }
    return boxes;
  }
}
