package dev.adafocus.engine;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;

/** One-time native set-up of the tensor engine: library loading, thread count, seeds. */
public final class Engine {
  private static volatile boolean loaded;

  private Engine() {}

  /** Loads libtorch (idempotent). Extracts the bundled natives first so a system libtorch is never picked up. */
  public static void init() {
    if (loaded) {
      return;
    }
    synchronized (Engine.class) {
      if (loaded) {
        return;
      }
      try {
        // the CUDA build (mvn -Pcuda) ships its natives under linux-x86_64-gpu
        String natives = Engine.class.getResource("/org/bytedeco/pytorch/linux-x86_64-gpu/") != null
            ? "/org/bytedeco/pytorch/linux-x86_64-gpu/" : "/org/bytedeco/pytorch/linux-x86_64/";
        Loader.cacheResources(natives);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot extract the libtorch natives to the JavaCPP cache: " + e.getMessage(), e);
      }
      Loader.load(torch.class);
      String threads = System.getenv("ADAFOCUS_THREADS");
      if (threads != null && !threads.isBlank()) {
        torch.set_num_threads(Integer.parseInt(threads.trim()));
      }
      loaded = true;
    }
  }

  /** Sets the number of intra-op threads libtorch uses. */
  public static void setThreads(int threads) {
    init();
    if (threads > 0) {
      torch.set_num_threads(threads);
    }
  }

  /** Current intra-op thread count. */
  public static int threads() {
    init();
    return torch.get_num_threads();
  }

  /** Seeds libtorch's global generator (random patches, dropout, initialisation). */
  public static void seed(long seed) {
    init();
    torch.manual_seed(seed);
  }

  /** The oneDNN instruction-set cap in force for this process (see README: CPU correctness). */
  public static String onednnIsa() {
    String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
    return isa == null ? "default" : isa;
  }
}
