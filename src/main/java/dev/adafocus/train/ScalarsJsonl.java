package dev.adafocus.train;

import com.google.gson.JsonObject;
import dev.adafocus.AdaFocusException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one JSON object per line to {@code scalars.jsonl}: {@code {"mode":"train","epoch","iter","lr","loss",
 * "time","data_time",...task scalars}} per iteration and {@code {"mode":"val","epoch",...metrics}} per validation.
 */
public final class ScalarsJsonl implements TrainingListener {
  private final Path file;

  public ScalarsJsonl(Path file) {
    this.file = file;
  }

  @Override
  public void onBatchEnd(Trainer<?> trainer, BatchEnd b) {
    JsonObject o = new JsonObject();
    o.addProperty("mode", "train");
    o.addProperty("epoch", b.epoch());
    o.addProperty("iter", b.iteration());
    o.addProperty("lr", b.lr());
    o.addProperty("loss", b.loss());
    o.addProperty("time", b.time());
    o.addProperty("data_time", b.dataTime());
    b.scalars().forEach(o::addProperty);
    append(o);
  }

  @Override
  public void onEpochEnd(Trainer<?> trainer, EpochRecord r) {
    if (r.metrics().isEmpty()) {
      return;
    }
    JsonObject o = new JsonObject();
    o.addProperty("mode", "val");
    o.addProperty("epoch", r.epoch());
    r.metrics().forEach(o::addProperty);
    append(o);
  }

  private void append(JsonObject o) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      w.write(o.toString());
      w.write('\n');
    } catch (IOException e) {
      throw new AdaFocusException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }
}
