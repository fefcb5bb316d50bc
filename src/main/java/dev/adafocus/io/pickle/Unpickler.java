package dev.adafocus.io.pickle;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interprets one pickle (protocols 2 to 4, the binary opcodes that plain data and {@code torch.save} use).
 *
 * <p>Python values become Java values: None is {@code null}, bool {@link Boolean}, int {@link Long} (or
 * {@link BigInteger} beyond 64 bits), float {@link Double}, str {@link String}, bytes {@code byte[]}, tuple an
 * unmodifiable {@link List}, list an {@link ArrayList}, dict a {@link LinkedHashMap}. Every global goes through the
 * {@link PickleEnvironment}; nothing is ever instantiated by name. Every read is bounds-checked, so a truncated or
 * corrupt stream ends in a {@link PickleException} naming the byte offset.
 */
public final class Unpickler {
  private static final Object MARK = new Object();

  private final ByteBuffer in;
  private final int start;
  private final PickleEnvironment env;
  private final List<Object> stack = new ArrayList<>();
  private final List<Integer> marks = new ArrayList<>();
  private final Map<Integer, Object> memo = new HashMap<>();

  private Unpickler(ByteBuffer in, PickleEnvironment env) {
    this.in = in.order(ByteOrder.LITTLE_ENDIAN);
    this.start = in.position();
    this.env = env;
  }

  /**
   * Reads one pickle starting at {@code in}'s position and leaves the position just after its STOP opcode (so a
   * caller can read several pickles written one after another).
   */
  public static Object load(ByteBuffer in, PickleEnvironment env) {
    return new Unpickler(in, env).run();
  }

  private Object run() {
    while (true) {
      int at = in.position();
      int op = u8();
      switch (op) {
        case 0x80 -> { // PROTO
          int proto = u8();
          if (proto > 5) {
            throw error(at, "pickle protocol " + proto + " is newer than this reader knows (at most 5)");
          }
        }
        case 0x95 -> skip(8); // FRAME: a length hint only
        case 0x2e -> { // STOP
          if (stack.size() != 1 || !marks.isEmpty()) {
            throw error(at, "pickle ended with " + stack.size() + " values on the stack (expected 1)");
          }
          return stack.get(0);
        }
        case 0x28 -> { // MARK
          marks.add(stack.size());
          stack.add(MARK);
        }
        case 0x30 -> pop(at); // POP
        case 0x31 -> popMark(at); // POP_MARK
        case 0x32 -> push(peek(at)); // DUP
        case 0x4e -> push(null); // NONE
        case 0x88 -> push(Boolean.TRUE); // NEWTRUE
        case 0x89 -> push(Boolean.FALSE); // NEWFALSE
        case 0x4a -> push((long) in(at, 4).getInt()); // BININT
        case 0x4b -> push((long) u8()); // BININT1
        case 0x4d -> push((long) (in(at, 2).getShort() & 0xffff)); // BININT2
        case 0x8a -> push(littleEndianInt(bytes(u8()))); // LONG1
        case 0x8b -> push(littleEndianInt(bytes(length(in(at, 4).getInt(), at)))); // LONG4
        case 0x47 -> push(Double.longBitsToDouble(Long.reverseBytes(in(at, 8).getLong()))); // BINFLOAT (big-endian)
        case 0x58 -> push(utf8(length(in(at, 4).getInt(), at))); // BINUNICODE
        case 0x8c -> push(utf8(u8())); // SHORT_BINUNICODE
        case 0x8d -> push(utf8(length(in(at, 8).getLong(), at))); // BINUNICODE8
        case 0x55 -> push(latin1(u8())); // SHORT_BINSTRING
        case 0x54 -> push(latin1(length(in(at, 4).getInt(), at))); // BINSTRING
        case 0x43 -> push(bytes(u8())); // SHORT_BINBYTES
        case 0x42 -> push(bytes(length(in(at, 4).getInt() & 0xffffffffL, at))); // BINBYTES
        case 0x8e -> push(bytes(length(in(at, 8).getLong(), at))); // BINBYTES8
        case 0x29 -> push(Collections.emptyList()); // EMPTY_TUPLE
        case 0x85 -> push(tuple(popN(1, at))); // TUPLE1
        case 0x86 -> push(tuple(popN(2, at))); // TUPLE2
        case 0x87 -> push(tuple(popN(3, at))); // TUPLE3
        case 0x74 -> push(tuple(popMark(at))); // TUPLE
        case 0x5d -> push(new ArrayList<>()); // EMPTY_LIST
        case 0x6c -> push(new ArrayList<>(popMark(at))); // LIST
        case 0x61 -> list(peekBelow(1, at), at).add(pop(at)); // APPEND
        case 0x65 -> { // APPENDS
          List<Object> items = popMark(at);
          list(peek(at), at).addAll(items);
        }
        case 0x7d -> push(new LinkedHashMap<>()); // EMPTY_DICT
        case 0x64 -> { // DICT
          Map<Object, Object> d = new LinkedHashMap<>();
          putPairs(d, popMark(at), at);
          push(d);
        }
        case 0x73 -> { // SETITEM
          Object value = pop(at);
          Object key = pop(at);
          dict(peek(at), at).put(key, value);
        }
        case 0x75 -> { // SETITEMS
          List<Object> items = popMark(at);
          putPairs(dict(peek(at), at), items, at);
        }
        case 0x71 -> memo.put(u8(), peek(at)); // BINPUT
        case 0x72 -> memo.put(in(at, 4).getInt(), peek(at)); // LONG_BINPUT
        case 0x94 -> memo.put(memo.size(), peek(at)); // MEMOIZE
        case 0x68 -> push(memoGet(u8(), at)); // BINGET
        case 0x6a -> push(memoGet(in(at, 4).getInt(), at)); // LONG_BINGET
        case 0x63 -> push(env.global(line(at), line(at))); // GLOBAL
        case 0x93 -> { // STACK_GLOBAL
          Object name = pop(at);
          Object module = pop(at);
          if (!(module instanceof String m) || !(name instanceof String n)) {
            throw error(at, "STACK_GLOBAL expects two strings");
          }
          push(env.global(m, n));
        }
        case 0x52, 0x81 -> { // REDUCE, NEWOBJ: callable(*args)
          Object args = pop(at);
          Object callable = pop(at);
          push(call(callable, args, at));
        }
        case 0x62 -> { // BUILD: set an object's state; only attribute dicts on dicts (e.g. a state_dict's _metadata)
          Object state = pop(at);
          Object target = peek(at);
          if (!(target instanceof Map) || !(state == null || state instanceof Map)) {
            throw error(at, "BUILD (setting object state) on " + typeName(target) + " is not supported");
          }
        }
        case 0x51 -> push(env.persistentLoad(pop(at))); // BINPERSID
        default -> throw error(at, String.format("unsupported pickle opcode 0x%02x", op));
      }
    }
  }

  private Object call(Object callable, Object args, int at) {
    if (!(callable instanceof PickleCallable c)) {
      throw error(at, "cannot call a " + typeName(callable));
    }
    if (!(args instanceof List<?> list)) {
      throw error(at, "call arguments must be a tuple, got " + typeName(args));
    }
    @SuppressWarnings("unchecked")
    List<Object> a = (List<Object>) list;
    return c.call(a);
  }

  private void putPairs(Map<Object, Object> d, List<Object> items, int at) {
    if (items.size() % 2 != 0) {
      throw error(at, "odd number of items for a dict");
    }
    for (int i = 0; i < items.size(); i += 2) {
      d.put(items.get(i), items.get(i + 1));
    }
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> dict(Object o, int at) {
    if (!(o instanceof Map)) {
      throw error(at, "expected a dict, got " + typeName(o));
    }
    return (Map<Object, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object o, int at) {
    if (!(o instanceof ArrayList)) {
      throw error(at, "expected a list, got " + typeName(o));
    }
    return (List<Object>) o;
  }

  private static List<Object> tuple(List<Object> items) {
    return Collections.unmodifiableList(new ArrayList<>(items));
  }

  private Object memoGet(int index, int at) {
    if (!memo.containsKey(index)) {
      throw error(at, "memo entry " + index + " was never stored");
    }
    return memo.get(index);
  }

  private void push(Object o) {
    stack.add(o);
  }

  private Object pop(int at) {
    Object o = peek(at);
    stack.remove(stack.size() - 1);
    return o;
  }

  private Object peek(int at) {
    return peekBelow(0, at);
  }

  private Object peekBelow(int depth, int at) {
    int i = stack.size() - 1 - depth;
    int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1) + 1;
    if (i < floor) {
      throw error(at, "stack underflow");
    }
    return stack.get(i);
  }

  private List<Object> popN(int n, int at) {
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(0, pop(at));
    }
    return out;
  }

  private List<Object> popMark(int at) {
    if (marks.isEmpty()) {
      throw error(at, "no MARK on the stack");
    }
    int m = marks.remove(marks.size() - 1);
    List<Object> items = new ArrayList<>(stack.subList(m + 1, stack.size()));
    stack.subList(m, stack.size()).clear();
    return items;
  }

  private int u8() {
    return in(in.position(), 1).get() & 0xff;
  }

  private void skip(int n) {
    in(in.position() - 1, n);
    in.position(in.position() + n);
  }

  /** Ensures {@code n} more bytes exist and returns the buffer positioned at them (the caller consumes them). */
  private ByteBuffer in(int at, int n) {
    if (in.remaining() < n) {
      throw error(at, "truncated pickle: needs " + n + " more bytes, " + in.remaining() + " left");
    }
    return in;
  }

  private int length(long n, int at) {
    if (n < 0 || n > in.remaining()) {
      throw error(at, "truncated or corrupt pickle: length " + n + " but " + in.remaining() + " bytes left");
    }
    return (int) n;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[length(n, in.position())];
    in.get(b);
    return b;
  }

  private String utf8(int n) {
    return new String(bytes(n), StandardCharsets.UTF_8);
  }

  private String latin1(int n) {
    return new String(bytes(n), StandardCharsets.ISO_8859_1);
  }

  private String line(int at) {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = u8();
      if (c == '\n') {
        return sb.toString();
      }
      if (sb.length() > 1000) {
        throw error(at, "GLOBAL name longer than 1000 characters");
      }
      sb.append((char) c);
    }
  }

  private static Object littleEndianInt(byte[] le) {
    if (le.length == 0) {
      return 0L;
    }
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    BigInteger v = new BigInteger(be);
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  private PickleException error(int at, String message) {
    return new PickleException(message + " (pickle byte " + (at - start) + ")");
  }

  /** A short Python-like type name for messages. */
  static String typeName(Object o) {
    return o == null ? "None" : o.getClass().getSimpleName();
  }
}
