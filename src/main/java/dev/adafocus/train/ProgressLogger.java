package dev.adafocus.train;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MMAction2-style progress lines every {@code log_interval} iterations and at the end of each epoch, e.g.
 * {@code Epoch(train) [3][20/125]  lr: 1.9511e-03  eta: 1:02:03  time: 0.4123  data_time: 0.0120  loss: 2.3026  top1_acc: 12.5000}
 * (time, data_time, loss and task scalars averaged over the interval; eta for the rest of the run), then a
 * validation line {@code Epoch(val) [3][125/125]  top1: ...  top5: ...  map: ...  best map: ... (epoch e)}.
 */
public final class ProgressLogger implements TrainingListener {
  private final PrintWriter out;
  private final Map<String, Double> window = new LinkedHashMap<>();
  private int windowCount;
  private double totalTime;
  private long doneIterations;

  public ProgressLogger(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onTrainingStart(Trainer<?> trainer) {
    out.printf(Locale.ROOT, "training epochs %d..%d (of 0..%d)%n", trainer.startEpoch(), trainer.endEpoch() - 1,
        trainer.config().passes() - 1);
    out.flush();
  }

  @Override
  public void onBatchEnd(Trainer<?> trainer, BatchEnd b) {
    add("time", b.time());
    add("data_time", b.dataTime());
    add("loss", b.loss());
    b.scalars().forEach(this::add);
    windowCount++;
    totalTime += b.time();
    doneIterations++;
    boolean last = b.iteration() == b.iterations() - 1;
    if ((b.iteration() + 1) % trainer.config().logInterval() != 0 && !last) {
      return;
    }
    long remaining = (long) (b.iterations() - b.iteration() - 1)
        + (long) (trainer.endEpoch() - b.epoch() - 1) * b.iterations();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch(train) [%d][%d/%d]  lr: %.4e  eta: %s",
        b.epoch(), b.iteration() + 1, b.iterations(), b.lr(), eta(totalTime / doneIterations * remaining)));
    window.forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s: %.4f", k, v / windowCount)));
    out.println(line);
    out.flush();
    window.clear();
    windowCount = 0;
  }

  @Override
  public void onEpochEnd(Trainer<?> trainer, EpochRecord r) {
    if (r.metrics().isEmpty()) {
      return;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch(val) [%d]", r.epoch()));
    r.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> line.append(String.format(Locale.ROOT, "  %s: %.4f", e.getKey(), e.getValue())));
    line.append(String.format(Locale.ROOT, "  best %s: %.4f (epoch %d)", trainer.evalConfig().bestMetric(),
        trainer.bestValue(), trainer.bestEpoch()));
    out.println(line);
    out.flush();
  }

  @Override
  public void onTrainingEnd(Trainer<?> trainer, Throwable failure) {
    if (failure != null) {
      out.println("training stopped: " + failure.getMessage());
    } else {
      out.printf(Locale.ROOT, "training finished after epoch %d%n", trainer.endEpoch() - 1);
    }
    out.flush();
  }

  private void add(String key, double v) {
    window.merge(key, v, Double::sum);
  }

  /** Seconds as h:mm:ss. */
  static String eta(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
