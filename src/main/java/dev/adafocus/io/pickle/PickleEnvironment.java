package dev.adafocus.io.pickle;

/** What a pickle may refer to outside itself: whitelisted globals and persistent ids. */
public interface PickleEnvironment {
  /** The callable behind {@code module.name}; throws {@link PickleException} when the global is not allowed. */
  PickleCallable global(String module, String name);

  /** The object a persistent id stands for; throws {@link PickleException} when the id is not understood. */
  Object persistentLoad(Object pid);
}
