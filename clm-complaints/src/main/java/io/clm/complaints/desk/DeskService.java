package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.complaints.CallerView;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintAppendix;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Reminder;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.spi.ComplaintDeskConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ComplaintDesk} of clm-complaints: each ticket operation is one {@link TicketCommand}
 * run by {@link Desk#execute}; the rest reads the store or the customers' files.
 */
final class DeskService implements ComplaintDesk {

  private final Desk desk;

  DeskService(ComplaintDeskConfig config) {
    this.desk = new Desk(config);
  }

  @Override
  public ComplaintWorkflow workflow() {
    return desk.mainProfile().workflow;
  }

  @Override
  public Instant now() {
    return desk.now();
  }

  @Override
  public CallerView identifyCaller(String callerPhone) {
    Objects.requireNonNull(callerPhone, "callerPhone");
    synchronized (desk) {
      return desk.files.identifyCaller(callerPhone);
    }
  }

  @Override
  public CallerView viewOf(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    synchronized (desk) {
      return desk.files.viewOf(customer);
    }
  }

  @Override
  public Complaint open(Intake intake, String actor) {
    return desk.open(intake, actor);
  }

  @Override
  public Complaint identifyCustomer(String ticketId, CustomerId customer, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new IdentifyCustomerCommand(customer, actor, at));
  }

  @Override
  public Complaint linkOrder(String ticketId, String orderNumber, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new LinkOrderCommand(orderNumber, actor, at));
  }

  @Override
  public Complaint acknowledge(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new AcknowledgeCommand(actor, at));
  }

  @Override
  public Complaint classify(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new ClassifyCommand(actor, at));
  }

  @Override
  public Complaint assign(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new AssignCommand(actor, at));
  }

  @Override
  public Complaint reassign(String ticketId, String assignee, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new ReassignCommand(assignee, actor, reason, at));
  }

  @Override
  public Complaint start(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new StartCommand(actor, at));
  }

  @Override
  public Complaint escalate(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new EscalateCommand(actor, reason, at));
  }

  @Override
  public Complaint respond(String ticketId, String actor, String note, Instant at) {
    return desk.execute(ticketId, actor, at, new RespondCommand(actor, note, at));
  }

  @Override
  public Complaint pause(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new PauseCommand(actor, reason, at));
  }

  @Override
  public Complaint resume(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new ResumeCommand(actor, at));
  }

  @Override
  public Complaint extend(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new ExtendCommand(actor, reason, at));
  }

  @Override
  public Complaint resolve(String ticketId, Resolution resolution, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new ResolveCommand(resolution, actor, at));
  }

  @Override
  public Complaint accept(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new AcceptCommand(actor, at));
  }

  @Override
  public Complaint reject(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new RejectCommand(actor, reason, at));
  }

  @Override
  public Complaint close(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new CloseCommand(actor, reason, at));
  }

  @Override
  public Complaint reopen(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new ReopenCommand(actor, reason, at, SlaTarget.RESOLUTION));
  }

  @Override
  public Complaint requestReview(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new ReopenCommand(actor, reason, at, SlaTarget.REVIEW));
  }

  @Override
  public Complaint withdraw(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new WithdrawCommand(actor, reason, at));
  }

  @Override
  public Complaint notePreference(String ticketId, String preference, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new NotePreferenceCommand(preference, actor, at));
  }

  @Override
  public void watch(CustomerId customer, String department) {
    Objects.requireNonNull(customer, "customer");
    Guards.requireText(department, "department");
    synchronized (desk) {
      desk.clearChange();
      desk.files.addDepartment(customer, department);
      desk.commit();
    }
  }

  @Override
  public List<Reminder> customerReturned(CustomerId customer, Instant at) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
    synchronized (desk) {
      return desk.files.customerReturned(customer, at);
    }
  }

  @Override
  public ComplaintAppendix appendix(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    synchronized (desk) {
      return desk.files.appendix(customer);
    }
  }

  @Override
  public List<String> erase(CustomerId customer, String actor, Instant at) {
    synchronized (desk) {
      return Erasure.erase(desk, customer, actor, at);
    }
  }

  @Override
  public Complaint get(String ticketId) {
    return desk.get(ticketId);
  }

  @Override
  public int pendingEvents() {
    return desk.pendingEvents();
  }

  @Override
  public int deliverEvents() {
    return desk.deliverEvents();
  }

  @Override
  public int size() {
    synchronized (desk) {
      return (int) desk.store.lastSequence();
    }
  }

  @Override
  public List<Complaint> all() {
    List<Complaint> out = new ArrayList<>();
    synchronized (desk) {
      desk.store.forEach(t -> out.add(t.complaint()));
    }
    return out;
  }

  @Override
  public ComplaintReport report() {
    synchronized (desk) {
      return ComplaintReports.of(desk.store, desk.now, desk.mainProfile().calendar.zone());
    }
  }

  @Override
  public List<SlaEvent> advanceTo(Instant until) {
    return desk.advanceTo(until);
  }

  @Override
  public String toString() {
    return "ComplaintDesk[" + desk.mainProfile().name + ", " + desk.store.id() + "]";
  }
}
