package dev.adafocus.io;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.adafocus.engine.DType;
import dev.adafocus.engine.HostTensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes the safetensors format (8-byte header length, JSON header, raw little-endian data). */
public final class Safetensors {
  private Safetensors() {}

  /** Reads every tensor of a file, in header order. Metadata ("__metadata__") is skipped. */
  public static Map<String, HostTensor> read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      JsonObject header = header(ch, file);
      long dataStart = 8 + headerLength(ch);
      Map<String, HostTensor> out = new LinkedHashMap<>();
      if (header == null) {
        throw new IOException(file + ": malformed safetensors header: empty");
      }
      for (Map.Entry<String, JsonElement> e : header.entrySet()) {
        if (e.getKey().equals("__metadata__")) {
          continue;
        }
        DType dtype;
        long[] shape;
        long begin;
        long end;
        try {
          JsonObject info = e.getValue().getAsJsonObject();
          dtype = DType.fromSafetensors(info.get("dtype").getAsString());
          var shapeJson = info.getAsJsonArray("shape");
          shape = new long[shapeJson.size()];
          for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
          }
          var offs = info.getAsJsonArray("data_offsets");
          begin = offs.get(0).getAsLong();
          end = offs.get(1).getAsLong();
        } catch (RuntimeException ex) {
          throw new IOException(file + ": tensor '" + e.getKey() + "': malformed header entry " + e.getValue()
              + " (needs dtype, shape and data_offsets): " + ex.getMessage(), ex);
        }
        long expected = HostTensor.numel(shape) * dtype.bytes();
        if (end - begin != expected || begin < 0 || expected < 0 || dataStart + end > size) {
          throw new IOException(file + ": tensor '" + e.getKey() + "' has data offsets [" + begin + ", " + end
              + ") but needs " + expected + " bytes within a file of " + size + " bytes (truncated or corrupt?)");
        }
        ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(expected));
        readFully(ch, data, dataStart + begin);
        data.flip();
        out.put(e.getKey(), new HostTensor(dtype, shape, data));
      }
      return out;
    }
  }

  /** The "__metadata__" string map of a file's header (empty when there is none). */
  public static Map<String, String> readMetadata(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      JsonObject meta = header(ch, file).getAsJsonObject("__metadata__");
      Map<String, String> out = new LinkedHashMap<>();
      if (meta != null) {
        meta.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
      }
      return out;
    }
  }

  private static long headerLength(FileChannel ch) throws IOException {
    ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, lenBuf, 0);
    return lenBuf.getLong(0);
  }

  private static JsonObject header(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw new IOException(file + ": not a safetensors file (only " + size + " bytes)");
    }
    long headerLen = headerLength(ch);
    if (headerLen <= 0 || headerLen > size - 8 || headerLen > 100_000_000) {
      throw new IOException(file + ": not a safetensors file (header length " + headerLen + ", file size " + size + ")");
    }
    ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
    readFully(ch, hb, 8);
    try {
      return new Gson().fromJson(new String(hb.array(), StandardCharsets.UTF_8), JsonObject.class);
    } catch (RuntimeException e) {
      throw new IOException(file + ": malformed safetensors header: " + e.getMessage(), e);
    }
  }

  /** Writes tensors (in map order) atomically: a temporary file in the same folder, then a rename. */
  public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata) throws IOException {
    JsonObject header = new JsonObject();
    if (metadata != null && !metadata.isEmpty()) {
      JsonObject meta = new JsonObject();
      metadata.forEach(meta::addProperty);
      header.add("__metadata__", meta);
    }
    long offset = 0;
    for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
      HostTensor t = e.getValue();
      JsonObject info = new JsonObject();
      info.addProperty("dtype", t.dtype().safetensorsName());
      var shape = new com.google.gson.JsonArray();
      for (long s : t.shape()) {
        shape.add(s);
      }
      info.add("shape", shape);
      var offs = new com.google.gson.JsonArray();
      offs.add(offset);
      offset += t.data().remaining();
      offs.add(offset);
      info.add("data_offsets", offs);
      header.add(e.getKey(), info);
    }
    byte[] hjson = header.toString().getBytes(StandardCharsets.UTF_8);
    int pad = (8 - hjson.length % 8) % 8;
    byte[] padded = new byte[hjson.length + pad];
    System.arraycopy(hjson, 0, padded, 0, hjson.length);
    for (int i = hjson.length; i < padded.length; i++) {
      padded[i] = ' ';
    }
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp)) {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded.length);
        os.write(len.array());
        os.write(padded);
        for (HostTensor t : tensors.values()) {
          ByteBuffer d = t.data().duplicate();
          byte[] bytes = new byte[d.remaining()];
          d.get(bytes);
          os.write(bytes);
        }
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      pos += n;
    }
  }
}
