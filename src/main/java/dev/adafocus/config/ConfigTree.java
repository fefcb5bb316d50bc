package dev.adafocus.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A nested key/value tree (maps of maps, leaves are scalars or lists) that remembers, for every dotted key, which
 * source (file, flag, defaults) set it last, so that errors can name where a value came from.
 */
public final class ConfigTree {
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, String> origins = new LinkedHashMap<>();

  /** Deep-merges {@code tree} into this one: maps merge key by key, everything else (lists included) replaces. */
  public void merge(Map<String, Object> tree, String origin) {
    mergeInto(root, tree, "", origin);
  }

  /** Sets one dotted key ({@code train.lr}), creating the intermediate maps. */
  public void set(String dottedKey, Object value, String origin) {
    String[] parts = dottedKey.split("\\.", -1);
    Map<String, Object> node = root;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      path.append(i == 0 ? "" : ".").append(parts[i]);
      Object child = node.get(parts[i]);
      if (!(child instanceof Map)) {
        if (child != null) {
          throw new ConfigException(origin + ": cannot set '" + dottedKey + "': '" + path + "' is a value, not a section");
        }
        child = new LinkedHashMap<String, Object>();
        node.put(parts[i], child);
      }
      node = asMap(child);
    }
    String leaf = parts[parts.length - 1];
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> sub = new LinkedHashMap<>();
      node.put(leaf, sub);
      mergeInto(sub, asMap(m), dottedKey + ".", origin);
    } else {
      node.put(leaf, value);
    }
    origins.put(dottedKey, origin);
  }

  /** The value at a dotted key, or null when absent. */
  public Object get(String dottedKey) {
    Object node = root;
    for (String part : dottedKey.split("\\.")) {
      if (!(node instanceof Map)) {
        return null;
      }
      node = asMap(node).get(part);
    }
    return node;
  }

  /** Where the value of a dotted key (or of its closest set parent) came from. */
  public String origin(String dottedKey) {
    String key = dottedKey;
    while (true) {
      String o = origins.get(key);
      if (o != null) {
        return o;
      }
      int dot = key.lastIndexOf('.');
      if (dot < 0) {
        return "defaults";
      }
      key = key.substring(0, dot);
    }
  }

  /** The tree itself (live view). */
  public Map<String, Object> root() {
    return root;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private void mergeInto(Map<String, Object> dst, Map<String, Object> src, String prefix, String origin) {
    for (Map.Entry<String, Object> e : src.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      Object existing = dst.get(key);
      if (value instanceof Map<?, ?> m) {
        Map<String, Object> target;
        if (existing instanceof Map) {
          target = asMap(existing);
        } else {
          target = new LinkedHashMap<>();
          dst.put(key, target);
          origins.put(prefix + key, origin);
        }
        mergeInto(target, asMap(m), prefix + key + ".", origin);
      } else {
        dst.put(key, value instanceof List<?> l ? new ArrayList<>(l) : value);
        origins.put(prefix + key, origin);
      }
    }
  }
}
