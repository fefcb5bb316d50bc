package dev.adafocus.io;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.DType;
import dev.adafocus.io.pickle.PickleException;
import dev.adafocus.io.pickle.Unpickler;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads PyTorch checkpoints without Python: the zip format of {@code torch.save} (torch 1.6 and later: a pickled
 * object in {@code <archive>/data.pkl} and one raw little-endian storage per tensor in {@code <archive>/data/<key>})
 * and the legacy format of older torch versions (magic number, protocol, system info, the pickled object, the
 * storage keys, then the storages back to back).
 */
final class TorchCheckpointReader {
  private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
  private static final long LEGACY_PROTOCOL = 1001;

  private TorchCheckpointReader() {}

  /** True when the first bytes are those of a zip archive (the torch 1.6+ format). */
  static boolean isZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }

  /** True when the first bytes are the legacy format's pickled magic number. */
  static boolean isLegacy(byte[] head) {
    return head.length >= 4 && (head[0] & 0xff) == 0x80 && head[1] == 2 && (head[2] & 0xff) == 0x8a && head[3] == 10;
  }

  /** Reads a zip-format checkpoint. */
  static WeightFile readZip(Path file) {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new CheckpointException(file + ": not a complete zip archive (" + e.getMessage()
          + "); the file is truncated or corrupt, download or copy it again", e);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
    }
    try (zip) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      if (!entries.hasMoreElements()) {
        throw new CheckpointException(file + ": empty zip archive, not a PyTorch checkpoint");
      }
      String first = entries.nextElement().getName();
      String prefix = first.contains("/") ? first.substring(0, first.indexOf('/') + 1) : "";
      ZipEntry pkl = zip.getEntry(prefix + "data.pkl");
      if (pkl == null) {
        throw new CheckpointException(file + ": zip archive without " + prefix + "data.pkl, not a PyTorch checkpoint");
      }
      ZipEntry order = zip.getEntry(prefix + "byteorder");
      if (order != null && !new String(bytes(zip, order, file), StandardCharsets.US_ASCII).trim().equals("little")) {
        throw new CheckpointException(file + ": big-endian checkpoints are not supported; re-save it on a "
            + "little-endian machine");
      }
      TorchPickleEnvironment env = new TorchPickleEnvironment((key, dtype, numel, pid) ->
          new TorchStorage(key, dtype, numel, () -> zipStorage(zip, prefix + "data/" + key, dtype, numel, file)));
      Object top = unpickle(ByteBuffer.wrap(bytes(zip, pkl, file)), env, file);
      return CheckpointContents.select(file, WeightFile.Format.TORCH_ZIP, top);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a legacy-format (torch before 1.6) checkpoint. */
  static WeightFile readLegacy(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() > Integer.MAX_VALUE) {
        throw new CheckpointException(file + ": legacy-format checkpoints over 2 GiB are not supported; re-save it "
            + "with torch 1.6 or later (torch.save writes the zip format)");
      }
      MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      buf.order(ByteOrder.LITTLE_ENDIAN);
      TorchPickleEnvironment plain = new TorchPickleEnvironment((key, dtype, numel, pid) -> {
        throw new PickleException("storage outside the main object");
      });
      if (!LEGACY_MAGIC.equals(unpickle(buf, plain, file))) {
        throw new CheckpointException(file + ": not a PyTorch checkpoint (wrong magic number)");
      }
      Object protocol = unpickle(buf, plain, file);
      if (!Long.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
        throw new CheckpointException(file + ": unsupported legacy checkpoint protocol " + protocol);
      }
      if (unpickle(buf, plain, file) instanceof Map<?, ?> sysInfo && Boolean.FALSE.equals(sysInfo.get("little_endian"))) {
        throw new CheckpointException(file + ": big-endian checkpoints are not supported");
      }
      Map<String, ByteBuffer> data = new HashMap<>();
      Map<String, TorchStorage> declared = new LinkedHashMap<>();
      TorchPickleEnvironment env = new TorchPickleEnvironment((key, dtype, numel, pid) -> {
        if (pid.size() > 5 && pid.get(5) != null) {
          throw new PickleException("legacy storage views are not supported (storage " + key + ")");
        }
        TorchStorage s = new TorchStorage(key, dtype, numel, () -> data.get(key));
        declared.put(key, s);
        return s;
      });
      Object top = unpickle(buf, env, file);
      if (!(unpickle(buf, plain, file) instanceof List<?> keys)) {
        throw new CheckpointException(file + ": corrupt legacy checkpoint (no storage key list)");
      }
      for (Object k : keys) {
        TorchStorage s = declared.get(String.valueOf(k));
        if (s == null) {
          throw new CheckpointException(file + ": corrupt legacy checkpoint (undeclared storage " + k + ")");
        }
        data.put(s.key(), legacyStorage(buf, s, file));
      }
      if (!data.keySet().containsAll(declared.keySet())) {
        throw new CheckpointException(file + ": corrupt legacy checkpoint (storages missing from the key list)");
      }
      return CheckpointContents.select(file, WeightFile.Format.TORCH_LEGACY, top);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static ByteBuffer legacyStorage(ByteBuffer buf, TorchStorage s, Path file) {
    long bytes = s.numel() * s.dtype().bytes();
    if (buf.remaining() < 8) {
      throw truncated(file, s.key(), bytes, buf.remaining());
    }
    long numel = buf.getLong();
    if (numel != s.numel()) {
      throw new CheckpointException(file + ": corrupt legacy checkpoint (storage " + s.key() + " declares " + s.numel()
          + " elements but its data block says " + numel + ")");
    }
    if (buf.remaining() < bytes) {
      throw truncated(file, s.key(), bytes, buf.remaining());
    }
    ByteBuffer out = buf.slice(buf.position(), (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.position(buf.position() + (int) bytes);
    return out;
  }

  private static ByteBuffer zipStorage(ZipFile zip, String name, DType dtype, long numel, Path file) {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new CheckpointException(file + ": storage " + name + " is missing from the archive (truncated or corrupt)");
    }
    byte[] b = bytes(zip, e, file);
    if (b.length < numel * dtype.bytes()) {
      throw truncated(file, name, numel * dtype.bytes(), b.length);
    }
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] bytes(ZipFile zip, ZipEntry e, Path file) {
    try (InputStream in = zip.getInputStream(e)) {
      return in.readAllBytes();
    } catch (IOException ex) {
      throw new CheckpointException(file + ": cannot read " + e.getName() + " (" + ex.getMessage()
          + "); the file is truncated or corrupt", ex);
    }
  }

  private static Object unpickle(ByteBuffer buf, TorchPickleEnvironment env, Path file) {
    try {
      return Unpickler.load(buf, env);
    } catch (PickleException e) {
      throw new CheckpointException(file + ": " + e.getMessage(), e);
    }
  }

  private static CheckpointException truncated(Path file, String storage, long needed, long got) {
    return new CheckpointException(file + ": storage " + storage + " needs " + needed + " bytes but only " + got
        + " are there (truncated or corrupt file)");
  }
}
