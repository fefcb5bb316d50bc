package dev.adafocus.io;

import dev.adafocus.engine.DType;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** One storage of a PyTorch checkpoint: element type, element count and its raw bytes, read on first use. */
final class TorchStorage {
  private final String key;
  private final DType dtype;
  private final long numel;
  private final Supplier<ByteBuffer> reader;
  private ByteBuffer data;

  TorchStorage(String key, DType dtype, long numel, Supplier<ByteBuffer> reader) {
    this.key = key;
    this.dtype = dtype;
    this.numel = numel;
    this.reader = reader;
  }

  String key() {
    return key;
  }

  DType dtype() {
    return dtype;
  }

  long numel() {
    return numel;
  }

  /** The storage's bytes (read-only view, little-endian, at least {@code numel * dtype.bytes()} long). */
  ByteBuffer data() {
    if (data == null) {
      data = reader.get();
    }
    return data.duplicate();
  }
}
