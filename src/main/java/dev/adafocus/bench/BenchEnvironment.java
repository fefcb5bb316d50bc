package dev.adafocus.bench;

import dev.adafocus.engine.CpuBfloat16;
import dev.adafocus.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a benchmark ran: CPU model, cores visible to the JVM, libtorch intra-op threads and the oneDNN ISA cap.
 *
 * @param cpu the CPU model name from /proc/cpuinfo ("unknown" elsewhere)
 * @param cores processors available to the JVM
 * @param threads libtorch intra-op threads
 * @param onednnIsa value of ONEDNN_MAX_CPU_ISA ("default" when unset)
 * @param blasThreads the OpenBLAS thread setting libtorch's matrix products start with: OPENBLAS_NUM_THREADS, else
 *     OMP_NUM_THREADS, else "all cores" (OpenBLAS's own pool, separate from libtorch's intra-op threads)
 * @param bfloat16InHardware whether oneDNN may compute bfloat16 in hardware here ({@link CpuBfloat16})
 */
public record BenchEnvironment(String cpu, int cores, int threads, String onednnIsa, String blasThreads,
    boolean bfloat16InHardware) {
  /** The current process's environment. */
  public static BenchEnvironment current() {
    String blas = System.getenv("OPENBLAS_NUM_THREADS");
    if (blas == null) {
      blas = System.getenv("OMP_NUM_THREADS");
    }
    return new BenchEnvironment(cpuModel(), Runtime.getRuntime().availableProcessors(), Engine.threads(), Engine.onednnIsa(),
        blas == null ? "all cores" : blas, CpuBfloat16.inHardware());
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
