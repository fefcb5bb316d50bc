package dev.adafocus.io.pickle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The interpreter on pickles written by Python's own pickle module (make_fixtures.py) and on hand-made ones. */
class UnpicklerTest {
  /** Allows exactly what plain Python data needs in protocol 2: OrderedDict and the bytes encoding. */
  private static final PickleEnvironment PLAIN = new PickleEnvironment() {
    @Override
    public PickleCallable global(String module, String name) {
      if ((module + "." + name).equals("collections.OrderedDict")) {
        return args -> new LinkedHashMap<>();
      }
      if ((module + "." + name).equals("_codecs.encode")) {
        return args -> ((String) args.get(0)).getBytes(StandardCharsets.ISO_8859_1);
      }
      throw new PickleException("unsupported global " + module + "." + name);
    }

    @Override
    public Object persistentLoad(Object pid) {
      throw new PickleException("no persistent ids here");
    }
  };

  @ParameterizedTest
  @ValueSource(strings = {"plain_data_p2.pkl", "plain_data_p4.pkl"})
  void readsWhatPythonPickleWrote(String name) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(getClass().getResource("/checkpoints/" + name).toURI()));
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    Map<?, ?> m = (Map<?, ?>) Unpickler.load(buf, PLAIN);
    assertEquals(bytes.length, buf.position(), "position after STOP");
    assertEquals(List.of(0L, 255L, 65535L, -1L, 2147483647L, -2147483648L, 1L << 40, Long.MIN_VALUE,
        BigInteger.TWO.pow(70)), m.get("ints"));
    assertEquals(List.of(0.5, -1e300, Double.POSITIVE_INFINITY), m.get("floats"));
    assertEquals("h\u00e9llo \u2713", m.get("text"));
    assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) m.get("bytes"));
    assertEquals(Arrays.asList(1L, "a", null, true, false), m.get("tuple"));
    assertEquals(List.of(List.of(), List.of(), Map.of()), m.get("empty"));
    assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) m.get("ordered")).keySet()));
    List<?> shared = (List<?>) m.get("shared");
    assertSame(shared.get(0), shared.get(1), "memoised objects stay shared");
  }

  @Test
  void handMadePickleWithPersistentIdAndReduce() {
    byte[] p = new PickleWriter().global("collections", "OrderedDict").emptyTuple().reduce().mark()
        .string("k").mark().string("storage").integer(3).tuple().persistentId().setItems().stop();
    PickleEnvironment env = new PickleEnvironment() {
      @Override
      public PickleCallable global(String module, String name) {
        return PLAIN.global(module, name);
      }

      @Override
      public Object persistentLoad(Object pid) {
        return "loaded " + pid;
      }
    };
    assertEquals(Map.of("k", "loaded [storage, 3]"), Unpickler.load(ByteBuffer.wrap(p), env));
  }

  @Test
  void unknownGlobalIsRefusedByName() {
    byte[] p = new PickleWriter().global("os", "system").string("rm").stop();
    PickleException e = assertThrows(PickleException.class, () -> Unpickler.load(ByteBuffer.wrap(p), PLAIN));
    assertTrue(e.getMessage().contains("os.system"), e.getMessage());
  }

  @Test
  void truncationAndGarbageAreErrorsWithAnOffset() {
    byte[] p = new PickleWriter().mark().string("abc").integer(1L << 40).floating(2.5).tuple().stop();
    for (int n = 0; n < p.length; n++) {
      byte[] cut = Arrays.copyOf(p, n);
      PickleException e = assertThrows(PickleException.class, () -> Unpickler.load(ByteBuffer.wrap(cut), PLAIN));
      assertTrue(e.getMessage().contains("pickle byte"), e.getMessage());
    }
    byte[] garbage = {(byte) 0x80, 2, (byte) 0xff};
    assertThrows(PickleException.class, () -> Unpickler.load(ByteBuffer.wrap(garbage), PLAIN));
    byte[] underflow = {(byte) 0x80, 2, 0x73, 0x2e};
    assertThrows(PickleException.class, () -> Unpickler.load(ByteBuffer.wrap(underflow), PLAIN));
  }
}
