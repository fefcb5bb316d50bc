package dev.adafocus.engine;

import java.util.Iterator;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;

/**
 * A lifetime for native temporaries: every tensor created while the scope is open is freed when it closes,
 * except those explicitly kept. Wrap each training step and each inference batch in one.
 */
public final class NativeScope implements AutoCloseable {
  private final PointerScope scope;

  private NativeScope() {
    Engine.init();
    this.scope = new PointerScope();
  }

  /** Opens a new innermost scope on the current thread. */
  public static NativeScope open() {
    return new NativeScope();
  }

  /** Lets {@code p} outlive this scope (it becomes owned by the enclosing scope, or by the caller if none). */
  public <P extends Pointer> P keep(P p) {
    p.retainReference(); // detach releases the scope's reference
    scope.detach(p);
    PointerScope outer = enclosing();
    if (outer != null) {
      outer.attach(p);
      p.releaseReference(); // the outer scope now holds it
    }
    return p;
  }

  /** The scope this one is nested in on this thread, or null. */
  private PointerScope enclosing() {
    Iterator<PointerScope> innermostFirst = PointerScope.getScopeIterator();
    while (innermostFirst != null && innermostFirst.hasNext()) {
      if (innermostFirst.next() == scope) {
        return innermostFirst.hasNext() ? innermostFirst.next() : null;
      }
    }
    return null;
  }

  /** Frees {@code p} now; it must be owned by this scope (created in it, or kept into it from an inner one). */
  public void release(Pointer p) {
    scope.detach(p); // drops the scope's reference: freed unless something else retains it
  }

  @Override
  public void close() {
    scope.close();
  }
}
