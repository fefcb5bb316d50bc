package dev.adafocus.data;

import dev.adafocus.data.transforms.ClipTransform;
import dev.adafocus.data.transforms.Normalize;
import dev.adafocus.data.transforms.StandardTransforms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A list of videos turned into clips: open the source, sample frame indices, decode only those frames, transform
 * each view (its own random choices), normalise. Thread-safe: every call opens its own source.
 */
public final class VideoDataset {
  private final List<VideoRecord> records;
  private final VideoOpener opener;
  private final ClipSampling sampling;
  private final ClipTransform transform;
  private final Normalize normalize;

  public VideoDataset(List<VideoRecord> records, VideoOpener opener, ClipSampling sampling, ClipTransform transform,
      Normalize normalize) {
    this.records = List.copyOf(records);
    this.opener = opener;
    this.sampling = sampling;
    this.transform = transform;
    this.normalize = normalize;
  }

  /**
   * A dataset with the official transforms for {@code sampling}: multi-scale crop (and flip unless {@code flip} is
   * off) in training, resize and centre crop in evaluation; ImageNet normalisation.
   */
  public static VideoDataset official(List<VideoRecord> records, VideoOpener opener, ClipSampling sampling,
      int inputSize, boolean flip) {
    ClipTransform t = sampling.training() ? StandardTransforms.training(inputSize, flip)
        : StandardTransforms.evaluation(inputSize);
    return new VideoDataset(records, opener, sampling, t, Normalize.IMAGENET);
  }

  /** Number of videos. */
  public int size() {
    return records.size();
  }

  /** The list entry of video {@code i}. */
  public VideoRecord record(int i) {
    return records.get(i);
  }

  /**
   * Loads video {@code i}. In training the target is a random one of its labels (the official multi-label rule);
   * in evaluation it is the smallest label. All labels are kept for mAP.
   */
  public Sample load(int i, RandomGenerator rng) {
    VideoRecord r = records.get(i);
    try (VideoSource source = opener.open(r)) {
      int n = source.frameCount();
      float[][] views = new float[sampling.views()][];
      int h = 0;
      int w = 0;
      for (int v = 0; v < sampling.views(); v++) {
        int t = sampling.frames(v);
        int[] idx = FrameSampler.indices(n, t, sampling.training(), rng);
        if (sampling.coarseToFine()) {
          idx = FrameSampler.permute(idx, FrameSampler.coarseToFineOrder(t));
        }
        List<RgbFrame> clip = decode(source, idx);
        clip = transform.apply(clip, rng);
        h = clip.get(0).height();
        w = clip.get(0).width();
        views[v] = new float[t * 3 * h * w];
        normalize.write(clip, views[v], 0);
      }
      int[] labels = r.labels();
      int target = sampling.training() ? labels[rng.nextInt(labels.length)] : labels[0];
      return new Sample(r.path(), i, views, h, w, target, labels);
    }
  }

  /** Decodes each distinct index once, in increasing order (sequential decoding is cheapest for video files). */
  private static List<RgbFrame> decode(VideoSource source, int[] idx) {
    int[] sorted = idx.clone();
    Arrays.sort(sorted);
    Map<Integer, RgbFrame> frames = new HashMap<>();
    for (int k : sorted) {
      frames.computeIfAbsent(k, source::frame);
    }
    List<RgbFrame> clip = new ArrayList<>(idx.length);
    for (int k : idx) {
      clip.add(frames.get(k));
    }
    return clip;
  }
}
