package dev.adafocus.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adafocus.engine.HostTensor;
import dev.adafocus.exit.LogitsDump;
import dev.adafocus.io.TorchCheckpointWriter;
import dev.adafocus.testing.CliRun;
import dev.adafocus.train.CheckpointStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adafocus test CONFIG CHECKPOINT} takes a checkpoint in the official file format (torch.save zip,
 * {'state_dict': …} with "module." keys, as the released .pth.tar files) and gives exactly the outputs of the same
 * weights saved by this project.
 */
class OfficialFormatTestCommandTest {
  @TempDir
  Path dir;

  @Test
  void officialFormatCheckpointGivesTheSameOutputsThroughTheCli() throws Exception {
    var train = CliRun.of("train", BenchmarkEndToEndTest.CI_CONFIG.toString(), "--work-dir",
        dir.toString(), "--json");
    assertEquals(0, train.code(), train.err());
    Path ours = Path.of(train.json().get("run_dir").getAsString()).resolve("last.safetensors");
    Map<String, HostTensor> official = new LinkedHashMap<>();
    CheckpointStore.loadModelWeights(ours).forEach((k, v) -> official.put("module." + k, v));
    Path pth = dir.resolve("ckpt.best.pth.tar");
    TorchCheckpointWriter.write(pth, official, Map.of("epoch", 1L));

    var a = CliRun.of("test", BenchmarkEndToEndTest.CI_CONFIG.toString(), ours.toString(), "--dump",
        dir.resolve("a").toString());
    var b = CliRun.of("test", BenchmarkEndToEndTest.CI_CONFIG.toString(), pth.toString(), "--dump",
        dir.resolve("b").toString());
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    LogitsDump da = LogitsDump.read(dir.resolve("a").resolve("step_logits.safetensors"));
    LogitsDump db = LogitsDump.read(dir.resolve("b").resolve("step_logits.safetensors"));
    for (int v = 0; v < da.videos(); v++) {
      for (int t = 0; t < da.steps(); t++) {
        assertArrayEquals(da.logits()[v][t], db.logits()[v][t], 0f, "video " + v + " step " + t);
      }
    }
  }
}
