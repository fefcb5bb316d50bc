package dev.adafocus.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether oneDNN may compute bfloat16 in hardware here: the CPU has AVX-512 BF16 or AMX, and {@code
 * ONEDNN_MAX_CPU_ISA} does not rule them out. Without them oneDNN converts to float32 and back, and bfloat16
 * convolutions run several times slower than float32 ones (4× measured with the cap at AVX512_CORE).
 */
public final class CpuBfloat16 {
  private static final List<String> FLAGS = List.of("avx512_bf16", "amx_bf16");
  /** Cap names (oneDNN's) that leave bfloat16 instructions allowed. */
  private static final List<String> CAPS_WITH_BF16 = List.of("DEFAULT", "ALL", "BF16", "AMX", "FP16", "AVX10");

  private static final class Holder {
    static final boolean VALUE = inHardware(cpuFlags(), System.getenv("ONEDNN_MAX_CPU_ISA"));
  }

  private CpuBfloat16() {}

  /** For this process. */
  public static boolean inHardware() {
    return Holder.VALUE;
  }

  /**
   * @param flags the {@code flags} line of /proc/cpuinfo (empty when unknown)
   * @param isaCap the value of ONEDNN_MAX_CPU_ISA, or null when unset
   */
  static boolean inHardware(String flags, String isaCap) {
    List<String> present = List.of(flags.toLowerCase(Locale.ROOT).split("\\s+"));
    if (FLAGS.stream().noneMatch(present::contains)) {
      return false;
    }
    String cap = isaCap == null ? "DEFAULT" : isaCap.toUpperCase(Locale.ROOT);
    return CAPS_WITH_BF16.stream().anyMatch(cap::contains);
  }

  private static String cpuFlags() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("flags")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1)).orElse("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
