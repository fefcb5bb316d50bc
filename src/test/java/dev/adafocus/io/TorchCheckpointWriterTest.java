package dev.adafocus.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.adafocus.engine.HostTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The torch zip writer: its files read back bit-exactly, in the layout torch.save uses. */
class TorchCheckpointWriterTest {
  @TempDir Path tmp;

  @Test
  void everyDtypeAndShapeRoundTripsWithExtras() throws IOException {
    WeightFile views = WeightFile.read(TorchCheckpointReaderTest.fixture("views.pth"));
    Map<String, HostTensor> prefixed = new LinkedHashMap<>();
    views.tensors().forEach((k, v) -> prefixed.put("module." + k, v));
    Path f = tmp.resolve("ckpt.pth.tar");
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("epoch", 12L);
    extras.put("best_prec1", 79.5);
    extras.put("arch", "mbv2");
    TorchCheckpointWriter.write(f, prefixed, extras);

    WeightFile back = WeightFile.read(f);
    assertEquals(WeightFile.Format.TORCH_ZIP, back.format());
    assertEquals(List.copyOf(views.tensors().keySet()), List.copyOf(back.tensors().keySet()));
    for (String k : views.tensors().keySet()) {
      HostTensor a = views.tensors().get(k);
      HostTensor b = back.tensors().get(k);
      assertEquals(a.dtype(), b.dtype(), k);
      assertArrayEquals(a.shape(), b.shape(), k);
      assertEquals(a.data(), b.data(), k);
    }
    assertEquals(extras, back.extras());
    try (ZipFile z = new ZipFile(f.toFile())) {
      assertEquals("archive/data.pkl", z.entries().nextElement().getName());
      assertEquals(views.tensors().size(), z.stream().filter(e -> e.getName().startsWith("archive/data/")).count());
    }
  }

  @Test
  void unsupportedExtraIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TorchCheckpointWriter.write(tmp.resolve("x.pth"), Map.of(),
        Map.of("args", List.of(1))));
  }
}
