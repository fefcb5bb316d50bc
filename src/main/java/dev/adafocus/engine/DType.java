package dev.adafocus.engine;

/** Element types a host tensor can hold, with their safetensors names and byte widths. */
public enum DType {
  F16("F16", 2),
  BF16("BF16", 2),
  F32("F32", 4),
  F64("F64", 8),
  I64("I64", 8),
  I32("I32", 4),
  U8("U8", 1),
  BOOL("BOOL", 1);

  private final String safetensorsName;
  private final int bytes;

  DType(String safetensorsName, int bytes) {
    this.safetensorsName = safetensorsName;
    this.bytes = bytes;
  }

  public String safetensorsName() {
    return safetensorsName;
  }

  public int bytes() {
    return bytes;
  }

  /** Looks a type up by its safetensors name ("F32", "I64", ...). */
  public static DType fromSafetensors(String name) {
    for (DType d : values()) {
      if (d.safetensorsName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unsupported tensor dtype '" + name + "'; supported: F16, BF16, F32, F64, I64, I32, U8, BOOL");
  }
}
