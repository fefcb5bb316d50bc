package dev.adafocus.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.CheckpointException;
import dev.adafocus.engine.DType;
import dev.adafocus.engine.HostTensor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reads the files written by real torch.save (src/test/resources/checkpoints/make_fixtures.py) and checks every value. */
class TorchCheckpointReaderTest {
  static Path fixture(String name) {
    try {
      return Path.of(TorchCheckpointReaderTest.class.getResource("/checkpoints/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject expected(String name) throws IOException {
    return JsonParser.parseString(Files.readString(fixture("expected.json"))).getAsJsonObject().getAsJsonObject(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain.pth", "wrapped.pth.tar", "half.pth", "double.pth", "views.pth", "legacy_views.pth",
      "legacy_wrapped.pth.tar", "legacy_2017_style.pth"})
  void everyTensorMatchesWhatTorchSaved(String name) throws IOException {
    WeightFile w = WeightFile.read(fixture(name));
    JsonObject exp = expected(name);
    JsonObject tensors = exp.getAsJsonObject("tensors");
    assertEquals(new ArrayList<>(tensors.keySet()).stream().sorted().toList(),
        w.tensors().keySet().stream().sorted().toList(), "tensor names of " + name);
    for (Map.Entry<String, JsonElement> e : tensors.entrySet()) {
      JsonObject t = e.getValue().getAsJsonObject();
      HostTensor actual = w.tensors().get(e.getKey());
      String where = name + " " + e.getKey();
      assertEquals(dtypeOf(t.get("dtype").getAsString()), actual.dtype(), where);
      long[] shape = toLongs(t.getAsJsonArray("shape").asList());
      assertArrayEquals(shape, actual.shape(), where);
      List<JsonElement> values = t.getAsJsonArray("values").asList();
      if (actual.dtype() == DType.I64 || actual.dtype() == DType.I32) {
        assertArrayEquals(toLongs(values), actual.toLongs(), where);
      } else {
        double[] want = values.stream().mapToDouble(JsonElement::getAsDouble).toArray();
        assertArrayEquals(want, actual.toDoubles(), 0.0, where); // bit-exact: the same values widened to double
      }
    }
    JsonObject extras = exp.getAsJsonObject("extras");
    assertEquals(extras.keySet(), w.extras().keySet(), "extras of " + name);
    for (String k : extras.keySet()) {
      Object v = w.extras().get(k);
      JsonElement want = extras.get(k);
      if (v instanceof String s) {
        assertEquals(want.getAsString(), s);
      } else {
        assertEquals(want.getAsDouble(), ((Number) v).doubleValue(), 0.0, k);
      }
    }
  }

  @Test
  void formatIsRecognisedFromContent() {
    assertEquals(WeightFile.Format.TORCH_ZIP, WeightFile.read(fixture("plain.pth")).format());
    assertEquals(WeightFile.Format.TORCH_LEGACY, WeightFile.read(fixture("legacy_views.pth")).format());
  }

  @Test
  void wrapperPrefixIsStrippedAndOptimizerStateSkipped() {
    WeightFile w = WeightFile.read(fixture("wrapped.pth.tar"));
    assertTrue(w.tensors().containsKey("conv.weight"));
    assertTrue(w.tensors().keySet().stream().noneMatch(k -> k.startsWith("module.")));
    assertEquals(7L, w.extras().get("epoch"));
  }

  @Test
  void truncatedZipGivesClearError() {
    CheckpointException e = assertThrows(CheckpointException.class, () -> WeightFile.read(fixture("bad_truncated.pth")));
    assertTrue(e.getMessage().contains("bad_truncated.pth") && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void truncatedLegacyFileGivesClearError() {
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> WeightFile.read(fixture("bad_truncated_legacy.pth")));
    assertTrue(e.getMessage().contains("bad_truncated_legacy.pth") && e.getMessage().contains("truncated"),
        e.getMessage());
  }

  @Test
  void zipWithoutDataPklIsRejected() {
    CheckpointException e = assertThrows(CheckpointException.class, () -> WeightFile.read(fixture("bad_no_data_pkl.pth")));
    assertTrue(e.getMessage().contains("archive/data.pkl"), e.getMessage());
  }

  @Test
  void unsupportedGlobalIsNamed() {
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> WeightFile.read(fixture("bad_custom_class.pth")));
    assertTrue(e.getMessage().contains("bad_custom_class.pth") && e.getMessage().contains("argparse.Namespace"),
        e.getMessage());
  }

  @Test
  void everyTruncationOfEveryFixtureFailsCleanly(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    for (String name : List.of("views.pth", "legacy_views.pth")) {
      byte[] all = Files.readAllBytes(fixture(name));
      for (int n = 0; n < all.length; n += 7) {
        Path cut = tmp.resolve("cut_" + n + "_" + name);
        Files.write(cut, java.util.Arrays.copyOf(all, n));
        assertThrows(CheckpointException.class, () -> WeightFile.read(cut), "truncated at " + n);
      }
    }
  }

  @Test
  void corruptedPickleBytesNeverEscapeAsOtherExceptions(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    byte[] all = Files.readAllBytes(fixture("legacy_views.pth"));
    java.util.Random rnd = new java.util.Random(5);
    for (int trial = 0; trial < 300; trial++) {
      byte[] b = all.clone();
      for (int k = 0; k < 3; k++) {
        int i = rnd.nextInt(b.length);
        b[i] = (byte) rnd.nextInt(256);
      }
      Path bad = tmp.resolve("corrupt.pth");
      Files.write(bad, b);
      try {
        WeightFile.read(bad);
      } catch (CheckpointException expectedFailure) {
        assertTrue(expectedFailure.getMessage().contains("corrupt.pth"), expectedFailure.getMessage());
      }
    }
  }

  @Test
  void missingFileIsNamed() {
    CheckpointException e = assertThrows(CheckpointException.class, () -> WeightFile.read(Path.of("no/such.pth")));
    assertTrue(e.getMessage().contains("no/such.pth"));
  }

  private static DType dtypeOf(String torchName) {
    return switch (torchName) {
      case "float32" -> DType.F32;
      case "float16" -> DType.F16;
      case "float64" -> DType.F64;
      case "bfloat16" -> DType.BF16;
      case "int64" -> DType.I64;
      case "int32" -> DType.I32;
      case "uint8" -> DType.U8;
      case "bool" -> DType.BOOL;
      default -> throw new IllegalArgumentException(torchName);
    };
  }

  private static long[] toLongs(List<JsonElement> values) {
    return values.stream().mapToLong(JsonElement::getAsLong).toArray();
  }
}
