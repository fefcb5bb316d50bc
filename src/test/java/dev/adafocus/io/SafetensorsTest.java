package dev.adafocus.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.DType;
import dev.adafocus.engine.HostTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips and malformed-file errors of the safetensors reader/writer. */
class SafetensorsTest {
  @TempDir Path tmp;

  @Test
  void roundTripKeepsOrderDtypesShapesAndValues() throws IOException {
    Map<String, HostTensor> in = new LinkedHashMap<>();
    in.put("z.weight", HostTensor.ofFloats(new long[] {2, 3}, new float[] {1, -2, 3.5f, 0, 1e-7f, -1e7f}));
    in.put("a.steps", HostTensor.ofLongs(new long[] {}, new long[] {42}));
    in.put("m.double", HostTensor.ofDoubles(new long[] {3}, new double[] {Math.PI, -0.0, 1e300}));
    in.put("h.half", WeightFile.read(TorchCheckpointReaderTest.fixture("half.pth")).tensors().get("fc.weight"));
    Path f = tmp.resolve("w.safetensors");
    Safetensors.write(f, in, Map.of("epoch", "7"));
    Map<String, HostTensor> out = Safetensors.read(f);
    assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
    for (String k : in.keySet()) {
      assertEquals(in.get(k).dtype(), out.get(k).dtype(), k);
      assertArrayEquals(in.get(k).shape(), out.get(k).shape(), k);
      assertEquals(in.get(k).data(), out.get(k).data(), k);
    }
    assertEquals(DType.F16, out.get("h.half").dtype());
    assertEquals(WeightFile.Format.SAFETENSORS, WeightFile.read(f).format());
  }

  @Test
  void truncatedDataIsReportedWithTheFileName() throws IOException {
    Path f = tmp.resolve("t.safetensors");
    Safetensors.write(f, Map.of("x", HostTensor.ofFloats(new long[] {4}, new float[] {1, 2, 3, 4})), Map.of());
    byte[] all = Files.readAllBytes(f);
    for (int n : new int[] {0, 5, 12, all.length - 1}) {
      Path cut = tmp.resolve("cut" + n + ".safetensors");
      Files.write(cut, Arrays.copyOf(all, n));
      IOException e = assertThrows(IOException.class, () -> Safetensors.read(cut), "cut at " + n);
      assertTrue(e.getMessage().contains("cut" + n + ".safetensors"), e.getMessage());
    }
  }

  @Test
  void malformedHeadersAreReportedNotCrashed() throws IOException {
    for (String header : List.of("{\"x\": {\"shape\": [1], \"data_offsets\": [0, 4]}}", "{\"x\": 3}", "null",
        "{\"x\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 4]}}", "{not json",
        "{\"x\": {\"dtype\": \"Q7\", \"shape\": [1], \"data_offsets\": [0, 4]}}")) {
      Path f = tmp.resolve("h.safetensors");
      byte[] h = header.getBytes(StandardCharsets.UTF_8);
      ByteBuffer b = ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h);
      Files.write(f, b.array());
      IOException e = assertThrows(IOException.class, () -> Safetensors.read(f), header);
      assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
  }
}
