package dev.adafocus.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * A module whose children are registered under their state-dict names and also held strongly from Java: libtorch
 * calls back into the Java object of every child (train/eval, device moves), so no child may be garbage-collected
 * while the native module lives.
 */
public abstract class Net extends Module {
  private final List<Module> children = new ArrayList<>();

  /** Registers {@code child} under {@code name} and returns it. */
  protected <M extends Module> M add(String name, M child) {
    children.add(child);
    return register_module(name, child);
  }

  /**
   * Registers a trainable tensor and returns an owned handle to it (libtorch returns a reference into a container
   * that later registrations may move, so the reference itself must not be kept).
   */
  protected Tensor param(String name, Tensor value) {
    return new Tensor(register_parameter(name, value));
  }

  /** Registers a buffer (running statistics, counters) and returns an owned handle to it. */
  protected Tensor buffer(String name, Tensor value) {
    return new Tensor(register_buffer(name, value));
  }

  /** The registered children in registration order (for whole-model transforms such as {@link BatchNormFolding}). */
  List<Module> registeredChildren() {
    return Collections.unmodifiableList(children);
  }

  /** This net and every net registered below it, parents before their children. */
  List<Net> subtree() {
    List<Net> nets = new ArrayList<>();
    nets.add(this);
    for (Module child : children) {
      if (child instanceof Net net) {
        nets.addAll(net.subtree());
      }
    }
    return nets;
  }
}
