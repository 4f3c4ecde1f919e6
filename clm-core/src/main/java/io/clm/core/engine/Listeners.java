package io.clm.core.engine;

import io.clm.api.StageChange;
import io.clm.api.StageChangeListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered stage change listeners, told of changes on the calling thread after the change is
 * stored and the customer's stripe lock released. A listener that throws is logged by class names only
 * (never customer data) and ignored.
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(CoreLifecycleEngine.class);

  /** One registration, so that the same listener added twice is removed once per close. */
  private static final class Registration {
    final StageChangeListener listener;

    Registration(StageChangeListener listener) {
      this.listener = listener;
    }
  }

  private final CopyOnWriteArrayList<Registration> registrations = new CopyOnWriteArrayList<>();

  AutoCloseable add(StageChangeListener listener) {
    Registration r = new Registration(Objects.requireNonNull(listener, "listener"));
    registrations.add(r);
    return () -> registrations.remove(r);
  }

  /**
   * Tells every listener of every change, in order; {@code changes} may be null. Whatever a listener
   * throws, checked exceptions thrown past the compiler and errors included, is logged and ignored,
   * so that the caller, whose change is stored already, returns normally and the later listeners are
   * told too. Only a {@link VirtualMachineError} (out of memory, stack overflow, internal error)
   * passes through: the virtual machine may no longer be able to run anything, logging included.
   */
  void tell(List<StageChange> changes) {
    if (changes == null || changes.isEmpty() || registrations.isEmpty()) {
      return;
    }
    for (StageChange change : changes) {
      for (Registration r : registrations) {
        try {
          r.listener.onStageChange(change);
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable e) {
          LOG.warn(
              "stage change listener {} threw {}; ignored",
              r.listener.getClass().getName(),
              e.getClass().getName());
        }
      }
    }
  }
}
