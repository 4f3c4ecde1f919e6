package io.clm.complaints.desk;

import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the management report from what the ticket store holds. */
final class ComplaintReports {
  private ComplaintReports() {}

  static ComplaintReport of(TicketStore store, Instant now, ZoneId zone) {
    Map<ComplaintReport.AgeBand, Map<Severity, Long>> open = new EnumMap<>(ComplaintReport.AgeBand.class);
    Map<ComplaintReport.AgeBand, Long> unclassified = new EnumMap<>(ComplaintReport.AgeBand.class);
    Map<String, Long> causes = new TreeMap<>();
    Map<String, long[]> compliance = new TreeMap<>();
    List<SlaEvent> breaches = new ArrayList<>();
    List<Long> breachOrder = new ArrayList<>();
    store.forEach(t -> {
      Complaint c = t.complaint();
      if (c.state().isOpen()) {
        long days = Math.max(0, ChronoUnit.DAYS.between(c.receivedAt().atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate()));
        ComplaintReport.AgeBand band = ComplaintReport.AgeBand.of(days);
        if (c.classification().isEmpty()) {
          unclassified.merge(band, 1L, Long::sum);
        } else {
          open.computeIfAbsent(band, b -> new EnumMap<>(Severity.class)).merge(c.classification().get().severity(), 1L, Long::sum);
        }
      }
      c.resolution().ifPresent(r -> causes.merge(r.rootCause(), 1L, Long::sum));
      for (StoredTicket.SlaOutcome o : t.outcomes()) {
        long[] counts = compliance.computeIfAbsent(o.policyId(), k -> new long[4]);
        int base = switch (o.target()) {
          case FIRST_RESPONSE -> 0;
          case RESOLUTION, REVIEW -> 2;
          case NEXT_RESPONSE, SUMMARY_RESOLUTION -> -1;
        };
        if (base >= 0) {
          counts[base + (o.met() ? 0 : 1)]++;
        }
        if (!o.met() && o.target() != SlaTarget.SUMMARY_RESOLUTION) {
          breaches.add(new SlaEvent(c.id(), o.policyId(), o.target(), SlaEvent.Kind.BREACH, 0, o.at(), o.at()));
          breachOrder.add(t.sequence());
        }
      }
    });
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < breaches.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> breaches.get(i).at()).thenComparing(breachOrder::get));
    List<SlaEvent> sorted = new ArrayList<>();
    for (int i : order) {
      sorted.add(breaches.get(i));
    }
    Map<String, ComplaintReport.PolicyCompliance> rates = new TreeMap<>();
    compliance.forEach((id, n) -> rates.put(id, new ComplaintReport.PolicyCompliance(n[0], n[1], n[2], n[3])));
    return new ComplaintReport(now, open, unclassified, rates, sorted, causes);
  }
}
