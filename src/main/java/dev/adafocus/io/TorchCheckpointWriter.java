package dev.adafocus.io;

import dev.adafocus.engine.DType;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.io.pickle.PickleWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes weights as {@code torch.save} (zip format) would: {@code {'state_dict': OrderedDict(name -> tensor), extras...}},
 * so that {@code torch.load} in Python, the official code and {@link WeightFile#read} all read the file.
 */
public final class TorchCheckpointWriter {
  private static final String ARCHIVE = "archive/";

  private TorchCheckpointWriter() {}

  /**
   * Writes {@code tensors} (keys as given, e.g. with a {@code module.} prefix for the official layout) under
   * {@code state_dict}, plus {@code extras} (Long, Double, String or Boolean values) beside it, atomically.
   */
  public static void write(Path file, Map<String, HostTensor> tensors, Map<String, Object> extras) throws IOException {
    PickleWriter p = new PickleWriter().emptyDict().mark().string("state_dict");
    p.global("collections", "OrderedDict").emptyTuple().reduce().mark();
    int key = 0;
    for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
      HostTensor t = e.getValue();
      p.string(e.getKey()).global("torch._utils", "_rebuild_tensor_v2").mark();
      p.mark().string("storage").global("torch", storageName(t.dtype())).string(Integer.toString(key++))
          .string("cpu").integer(t.numel()).tuple().persistentId();
      p.integer(0).mark();
      long[] shape = t.shape();
      for (long s : shape) {
        p.integer(s);
      }
      p.tuple().mark();
      long stride = 1;
      long[] strides = new long[shape.length];
      for (int d = shape.length - 1; d >= 0; d--) {
        strides[d] = stride;
        stride *= shape[d];
      }
      for (long s : strides) {
        p.integer(s);
      }
      p.tuple().bool(false).global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
    }
    p.setItems();
    for (Map.Entry<String, Object> e : extras.entrySet()) {
      p.string(e.getKey());
      Object v = e.getValue();
      if (v instanceof Long || v instanceof Integer) {
        p.integer(((Number) v).longValue());
      } else if (v instanceof Double d) {
        p.floating(d);
      } else if (v instanceof String str) {
        p.string(str);
      } else if (v instanceof Boolean b) {
        p.bool(b);
      } else {
        throw new IllegalArgumentException("extra '" + e.getKey() + "' must be a number, string or boolean");
      }
    }
    byte[] pickle = p.setItems().stop();

    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
        stored(zip, ARCHIVE + "data.pkl", pickle);
        stored(zip, ARCHIVE + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        key = 0;
        for (HostTensor t : tensors.values()) {
          ByteBuffer d = t.data().duplicate();
          byte[] b = new byte[d.remaining()];
          d.get(b);
          stored(zip, ARCHIVE + "data/" + key++, b);
        }
        stored(zip, ARCHIVE + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String storageName(DType dtype) {
    return switch (dtype) {
      case F32 -> "FloatStorage";
      case F16 -> "HalfStorage";
      case F64 -> "DoubleStorage";
      case BF16 -> "BFloat16Storage";
      case I64 -> "LongStorage";
      case I32 -> "IntStorage";
      case U8 -> "ByteStorage";
      case BOOL -> "BoolStorage";
    };
  }

  private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }
}
