package dev.adafocus.nn;

import dev.adafocus.engine.NativeScope;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Eval-time splitting of large image batches: a CNN run without gradients on more than a chunk of images (128 frames
 * of a batch of 8 videos) goes through its layers a chunk at a time, so each layer's activations stay small enough for
 * the allocator to reuse rather than map fresh pages. On the development machine MobileNetV2 ran about 1.8× faster
 * per frame in chunks of 16 than on 128 frames at once, ResNet-50 about 1.1×. A network whose early layers have far
 * larger activations than the rest can run those in smaller chunks, sized to an activation budget.
 */
public final class BatchChunking {
  /** The chunk size measured best on the development machine (8, 16, 32, 64 and 128 tried). */
  public static final long DEFAULT_IMAGES = 16;

  /**
   * The most bytes one activation of a chunk should take: glibc serves a thread's allocations from heaps of 64 MiB
   * and gives anything larger fresh pages from the kernel on every call, each page faulted in as it is written
   * (MobileNetV2's widest activation on 16 frames at 224², 77 MB, cost 18 800 page faults per call).
   */
  public static final long ACTIVATION_BUDGET_BYTES = 32L << 20;

  /** A network whose forward over a batch of independent images can be chunked. */
  public interface Chunkable {
    /** Runs batches in chunks of {@code images} from now on when gradients are off; false if it cannot. */
    boolean chunkImages(long images);
  }

  /** A network's chunk size: off until set, and never on for a network whose images are not independent. */
  public static final class Chunks {
    private final boolean independentImages;
    private long images;
    private long budgetBytes = ACTIVATION_BUDGET_BYTES;

    public Chunks(boolean independentImages) {
      this.independentImages = independentImages;
    }

    /** Sets the chunk size; returns false, and stays off, when the images are not independent. */
    public boolean set(long images) {
      this.images = independentImages ? images : 0;
      return independentImages;
    }

    /** Changes the activation budget of {@link #map(UnaryOperator, Tensor, long)} (tests use small ones). */
    public void setBudgetBytes(long bytes) {
      budgetBytes = bytes;
    }

    /** {@code forward(x)}, in chunks when a size is set and gradients are off. */
    public Tensor map(UnaryOperator<Tensor> forward, Tensor x) {
      return BatchChunking.map(forward, x, images);
    }

    /**
     * As {@link #map(UnaryOperator, Tensor)}, in chunks small enough that an activation of {@code bytesPerImage} per
     * image stays within the budget ({@link #ACTIVATION_BUDGET_BYTES}), and never larger than the set size.
     */
    public Tensor map(UnaryOperator<Tensor> forward, Tensor x, long bytesPerImage) {
      return BatchChunking.map(forward, x, images == 0 ? 0 : imagesWithin(budgetBytes, bytesPerImage, images));
    }
  }

  /** How many images of {@code bytesPerImage} fit {@code budgetBytes}: at least 1, at most {@code maxImages}. */
  public static long imagesWithin(long budgetBytes, long bytesPerImage, long maxImages) {
    return Math.max(1, Math.min(maxImages, budgetBytes / Math.max(1, bytesPerImage)));
  }

  private BatchChunking() {}

  /** Sets the chunk size of every chunkable network under {@code root}; returns how many accepted it. */
  public static int apply(Net root, long images) {
    return (int) root.subtree().stream().filter(n -> n instanceof Chunkable c && c.chunkImages(images)).count();
  }

  /**
   * {@code forward(x)}, computed chunk by chunk along the first dimension and concatenated when gradients are off
   * and {@code x} holds more than {@code images} (0: never) items; otherwise in one call.
   */
  public static Tensor map(UnaryOperator<Tensor> forward, Tensor x, long images) {
    long n = x.size(0);
    if (images <= 0 || n <= images || GradMode.is_enabled()) {
      return forward.apply(x);
    }
    try (NativeScope all = NativeScope.open()) {
      TensorVector parts = new TensorVector();
      for (long start = 0; start < n; start += images) {
        try (NativeScope chunk = NativeScope.open()) {
          parts.push_back(forward.apply(x.narrow(0, start, Math.min(images, n - start))));
        }
      }
      return all.keep(torch.cat(parts, 0));
    }
  }
}
