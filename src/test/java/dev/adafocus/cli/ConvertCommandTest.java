package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.engine.DType;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.io.Safetensors;
import dev.adafocus.io.WeightFile;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.testing.CliRun;
import dev.adafocus.testing.TinyModels;
import dev.adafocus.train.Checkpoint;
import dev.adafocus.train.CheckpointStore;
import dev.adafocus.train.TestRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adafocus convert} through {@link Main#run}. */
class ConvertCommandTest {
  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ConvertCommandTest.class.getResource("/checkpoints/" + name).toURI());
  }

  @Test
  void officialStyleCheckpointBecomesSafetensors() throws Exception {
    Path out = tmp.resolve("w.safetensors");
    CliRun r = CliRun.of("convert", fixture("wrapped.pth.tar").toString(), out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    JsonObject j = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    assertEquals(8, j.get("tensors").getAsInt());
    assertEquals("TORCH_ZIP", j.get("input_format").getAsString());
    assertEquals(7, j.getAsJsonObject("extras").get("epoch").getAsInt());
    assertTrue(lines[0].contains("8 tensors"), lines[0]);
    Map<String, HostTensor> written = Safetensors.read(out);
    Map<String, HostTensor> source = WeightFile.read(fixture("wrapped.pth.tar")).tensors();
    assertEquals(List.copyOf(source.keySet()), List.copyOf(written.keySet()));
    source.forEach((k, v) -> assertEquals(v.data(), written.get(k).data(), k));
  }

  @Test
  void prefixesAreStrippedAndAddedOnTheWayToATorchCheckpoint() throws Exception {
    Path st = tmp.resolve("a.safetensors");
    assertEquals(0, CliRun.of("convert", fixture("plain.pth").toString(), st.toString()).code());
    Path pth = tmp.resolve("b.pth.tar");
    CliRun r = CliRun.of("convert", st.toString(), pth.toString(), "--strip-prefix", "bn.", "--add-prefix", "net.");
    assertEquals(0, r.code(), r.err());
    WeightFile back = WeightFile.read(pth);
    assertEquals(List.of("net.conv.weight", "net.weight", "net.bias", "net.running_mean", "net.running_var",
        "net.num_batches_tracked", "net.fc.weight", "net.fc.bias"), List.copyOf(back.tensors().keySet()));
  }

  @Test
  void aTrainingCheckpointExportsModelWeightsThatTestLoadsInBothLayouts() {
    Map<String, HostTensor> trained = new LinkedHashMap<>();
    Map<String, HostTensor> momentum = new LinkedHashMap<>();
    StateDicts.export(new AdaFocusV2(TinyModels.tiny())).forEach((k, v) -> {
      if (v.dtype() != DType.F32) {
        trained.put(k, v);
        return;
      }
      float[] w = v.toFloats();
      for (int i = 0; i < w.length; i++) {
        w[i] += 0.25f; // differs from a freshly built model's weights
      }
      trained.put(k, HostTensor.ofFloats(v.shape(), w));
      momentum.put("momentum_buffer." + k, HostTensor.ofFloats(v.shape(), new float[w.length]));
    });
    Path ckpt = new CheckpointStore(tmp.resolve("run")).save("best_top1",
        new Checkpoint(3, 1, "top1", 40, 2, List.of(), trained, momentum));
    assertExportLoads(ckpt, trained, tmp.resolve("plain.safetensors"));
    assertExportLoads(ckpt, trained, tmp.resolve("official_layout.pth.tar"), "--add-prefix", "module.");
  }

  /** Converts {@code ckpt} to {@code out} and loads the result as {@code adafocus test} does. */
  private static void assertExportLoads(Path ckpt, Map<String, HostTensor> trained, Path out, String... options) {
    List<String> args = new ArrayList<>(List.of("convert", ckpt.toString(), out.toString()));
    args.addAll(List.of(options));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(TRAINING_CHECKPOINT)") && r.out().contains(trained.size() + " tensors")
        && r.out().contains("optimiser state left out"), r.out());
    AdaFocusV2 fresh = new AdaFocusV2(TinyModels.tiny());
    TestRun.loadWeights(fresh, out);
    StateDicts.export(fresh).forEach((k, v) -> assertEquals(trained.get(k).data(), v.data(), out + ": " + k));
  }

  @Test
  void corruptInputIsABadInputErrorNamingTheFile() throws Exception {
    CliRun r = CliRun.of("convert", fixture("bad_truncated.pth").toString(), tmp.resolve("x.safetensors").toString());
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("bad_truncated.pth"), r.err());
  }

  @Test
  void missingOutputIsAUsageError() throws Exception {
    assertEquals(2, CliRun.of("convert", fixture("plain.pth").toString()).code());
  }
}
