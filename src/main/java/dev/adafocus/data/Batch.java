package dev.adafocus.data;

import dev.adafocus.engine.Tensors;
import java.util.List;
import org.bytedeco.pytorch.Tensor;

/**
 * A batch as engine tensors: per view a float tensor [B, T·3, H, W] (frame t, channel c at index t·3+c), the int64
 * targets [B], every video's labels (for mAP) and the video ids. Closing it frees the tensors.
 */
public final class Batch implements AutoCloseable {
  private final Tensor[] views;
  private final Tensor targets;
  private final List<int[]> labels;
  private final List<String> videoIds;
  private final long[] indices;
  private boolean closed;

  private Batch(Tensor[] views, Tensor targets, List<int[]> labels, List<String> videoIds, long[] indices) {
    this.views = views;
    this.targets = targets;
    this.labels = labels;
    this.videoIds = videoIds;
    this.indices = indices;
  }

  /** Stacks samples of equal shape into tensors (on the calling thread). */
  public static Batch of(List<Sample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one sample");
    }
    Sample first = samples.get(0);
    int b = samples.size();
    Tensor[] views = new Tensor[first.views().length];
    for (int v = 0; v < views.length; v++) {
      int per = first.views()[v].length;
      float[] all = new float[Math.multiplyExact(b, per)];
      for (int i = 0; i < b; i++) {
        Sample s = samples.get(i);
        if (s.views()[v].length != per || s.height() != first.height() || s.width() != first.width()) {
          throw new IllegalArgumentException("clip " + s.videoId() + " has another shape than " + first.videoId()
              + "; give the dataset a transform with a fixed output size");
        }
        System.arraycopy(s.views()[v], 0, all, i * per, per);
      }
      long hw = (long) first.height() * first.width();
      views[v] = Tensors.floats(all, b, per / hw, first.height(), first.width());
    }
    long[] t = new long[b];
    for (int i = 0; i < b; i++) {
      t[i] = samples.get(i).target();
    }
    return new Batch(views, Tensors.longs(t, b), samples.stream().map(Sample::labels).toList(),
        samples.stream().map(Sample::videoId).toList(), samples.stream().mapToLong(Sample::index).toArray());
  }

  /** The frames of the first (or only) view, [B, T·3, H, W]. */
  public Tensor frames() {
    return view(0);
  }

  /** The frames of view {@code v} (Sth-Sth: 0 = glance, 1 = focus). */
  public Tensor view(int v) {
    if (closed) {
      throw new IllegalStateException("batch already closed");
    }
    return views[v];
  }

  /** Number of views. */
  public int viewCount() {
    return views.length;
  }

  /** The training targets, int64 [B]. */
  public Tensor targets() {
    if (closed) {
      throw new IllegalStateException("batch already closed");
    }
    return targets;
  }

  /** Every video's labels, ascending. */
  public List<int[]> labels() {
    return labels;
  }

  /** The video ids (list paths), in batch order. */
  public List<String> videoIds() {
    return videoIds;
  }

  /** Each video's position in its dataset (the list-file order), in batch order. */
  public long[] indices() {
    return indices.clone();
  }

  /** Number of clips. */
  public int size() {
    return videoIds.size();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Tensor v : views) {
      v.close();
    }
    targets.close();
  }
}
