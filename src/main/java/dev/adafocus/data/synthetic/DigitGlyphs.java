package dev.adafocus.data.synthetic;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The MNIST digit images shipped as resources (CC BY-SA 3.0, see docs/benchmark.md): the first 300 images of each
 * class of MNIST-train for {@link Split#TRAIN} and the first 100 of each class of MNIST-t10k for {@link Split#VAL},
 * each a 28×28 grey bitmap (0 = background, 255 = ink).
 */
public final class DigitGlyphs {
  private static final String RESOURCE_DIR = "/dev/adafocus/data/synthetic/";
  private static final int SIDE = SyntheticBenchmark.GLYPH_SIDE;
  private static volatile DigitGlyphs shared;

  private final Map<Split, byte[][][]> byClass = new EnumMap<>(Split.class);

  private DigitGlyphs() {
    byClass.put(Split.TRAIN, load("mnist-train-subset"));
    byClass.put(Split.VAL, load("mnist-val-subset"));
  }

  /** The shipped digits, read once per process. */
  public static DigitGlyphs shared() {
    DigitGlyphs g = shared;
    if (g == null) {
      synchronized (DigitGlyphs.class) {
        g = shared;
        if (g == null) {
          g = new DigitGlyphs();
          shared = g;
        }
      }
    }
    return g;
  }

  /** Number of images of digit {@code digit} in {@code split}. */
  public int count(Split split, int digit) {
    return byClass.get(split)[digit].length;
  }

  /** Image {@code k} of digit {@code digit} in {@code split}: 28×28 row-major grey bytes (do not modify). */
  public byte[] glyph(Split split, int digit, int k) {
    return byClass.get(split)[digit][k];
  }

  private static byte[][][] load(String name) {
    try (DataInputStream images = open(name + "-images-idx3-ubyte.gz");
        DataInputStream labels = open(name + "-labels-idx1-ubyte.gz")) {
      int n = header(images, 2051, name);
      if (images.readInt() != SIDE || images.readInt() != SIDE) {
        throw new IllegalStateException("digit resource " + name + " is not " + SIDE + "x" + SIDE);
      }
      if (header(labels, 2049, name) != n) {
        throw new IllegalStateException("digit resource " + name + ": image and label counts differ");
      }
      List<List<byte[]>> lists = new ArrayList<>();
      for (int c = 0; c < SyntheticBenchmark.MAX_CLASSES; c++) {
        lists.add(new ArrayList<>());
      }
      for (int i = 0; i < n; i++) {
        byte[] pixels = new byte[SIDE * SIDE];
        images.readFully(pixels);
        lists.get(labels.readUnsignedByte()).add(pixels);
      }
      byte[][][] out = new byte[lists.size()][][];
      for (int c = 0; c < out.length; c++) {
        out[c] = lists.get(c).toArray(new byte[0][]);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the digit resource " + name, e);
    }
  }

  private static DataInputStream open(String file) throws IOException {
    InputStream in = DigitGlyphs.class.getResourceAsStream(RESOURCE_DIR + file);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCE_DIR + file + " (is the jar complete?)");
    }
    return new DataInputStream(new GZIPInputStream(in, 1 << 16));
  }

  private static int header(DataInputStream in, int magic, String name) throws IOException {
    if (in.readInt() != magic) {
      throw new IllegalStateException("digit resource " + name + " is not an IDX file with magic " + magic);
    }
    return in.readInt();
  }
}
