package dev.adafocus.io.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Emits protocol-2 pickle opcodes, one method per construct; the caller arranges them into a valid program. */
public final class PickleWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Starts a protocol-2 pickle. */
  public PickleWriter() {
    out.write(0x80);
    out.write(2);
  }

  public PickleWriter mark() {
    return op(0x28);
  }

  public PickleWriter emptyDict() {
    return op(0x7d);
  }

  public PickleWriter emptyTuple() {
    return op(0x29);
  }

  /** Builds a tuple of everything since the last mark. */
  public PickleWriter tuple() {
    return op(0x74);
  }

  /** Adds the key/value pairs since the last mark to the dict below them. */
  public PickleWriter setItems() {
    return op(0x75);
  }

  /** Calls the callable below the argument tuple. */
  public PickleWriter reduce() {
    return op(0x52);
  }

  /** Replaces the top value by what the persistent id it holds stands for. */
  public PickleWriter persistentId() {
    return op(0x51);
  }

  public PickleWriter global(String module, String name) {
    op(0x63);
    byte[] b = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
    out.write(b, 0, b.length);
    return this;
  }

  public PickleWriter string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    op(0x58);
    write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
    write(b);
    return this;
  }

  public PickleWriter integer(long v) {
    if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
      op(0x4a);
      write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
    } else {
      op(0x8a);
      out.write(8);
      write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }
    return this;
  }

  public PickleWriter floating(double v) {
    op(0x47);
    write(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(v).array());
    return this;
  }

  public PickleWriter bool(boolean v) {
    return op(v ? 0x88 : 0x89);
  }

  /** Ends the pickle and returns its bytes. */
  public byte[] stop() {
    op(0x2e);
    return out.toByteArray();
  }

  private PickleWriter op(int code) {
    out.write(code);
    return this;
  }

  private void write(byte[] b) {
    out.write(b, 0, b.length);
  }
}
