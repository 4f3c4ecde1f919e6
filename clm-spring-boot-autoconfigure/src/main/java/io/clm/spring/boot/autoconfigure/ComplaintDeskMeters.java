package io.clm.spring.boot.autoconfigure;

import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.complaints.SlaEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The complaint desk's meters: open tickets by age band, and SLA events by kind, policy and target. */
final class ComplaintDeskMeters implements MeterBinder {
  static final String OPEN = "clm.complaints.open";
  static final String SLA_EVENTS = "clm.complaints.sla.events";

  private final ComplaintDesk desk;

  ComplaintDeskMeters(ComplaintDesk desk) {
    this.desk = desk;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ComplaintReport.AgeBand band : ComplaintReport.AgeBand.values()) {
      Gauge.builder(OPEN, desk, d -> open(d, band))
          .description("Open complaints, classified or not, by age band in days since intake, as of the desk clock")
          .tags("age", tag(band.name()))
          .register(registry);
    }
  }

  /** Open tickets of an age band, classified (of every severity) or not. */
  private static double open(ComplaintDesk desk, ComplaintReport.AgeBand band) {
    ComplaintReport report = desk.report();
    Map<?, Long> classified = report.openByAge().getOrDefault(band, Map.of());
    return classified.values().stream().mapToLong(Long::longValue).sum()
        + report.unclassifiedByAge().getOrDefault(band, 0L);
  }

  /**
   * The desk, with every SLA event counted in {@code clm.complaints.sla.events}: a desk emits its SLA
   * events in {@code advanceTo} only, which returns them, so a desk of the application's, built
   * with its own SLA sink or none, is counted too. Every other call goes to the desk as it is.
   */
  static ComplaintDesk countingSlaEvents(ComplaintDesk desk, MeterRegistry registry) {
    InvocationHandler counting = (proxy, method, args) -> {
      if (method.getName().equals("equals") && method.getParameterCount() == 1) {
        return proxy == args[0];
      }
      Object result;
      try {
        result = method.invoke(desk, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (method.getName().equals("advanceTo") && method.getDeclaringClass() == ComplaintDesk.class) {
        for (Object event : (List<?>) result) {
          count(registry, (SlaEvent) event);
        }
      }
      return result;
    };
    return (ComplaintDesk) Proxy.newProxyInstance(
        ComplaintDesk.class.getClassLoader(), new Class<?>[] {ComplaintDesk.class}, counting);
  }

  /** Counts one SLA event. */
  private static void count(MeterRegistry registry, SlaEvent event) {
    Counter.builder(SLA_EVENTS)
        .description("SLA warnings, breaches, escalations and lapses, by policy and target")
        .tags("kind", tag(event.kind().name()), "policy", event.policyId(), "target", tag(event.target().name()))
        .register(registry)
        .increment();
  }

  private static String tag(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
