package dev.adafocus.io.pickle;

import java.util.List;

/** A whitelisted Python global that can be called by REDUCE or NEWOBJ with positional arguments. */
@FunctionalInterface
public interface PickleCallable {
  /** Builds the object for {@code args} (the pickled argument tuple). */
  Object call(List<Object> args);
}
