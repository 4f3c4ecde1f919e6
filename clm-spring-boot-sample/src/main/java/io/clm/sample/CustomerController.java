package io.clm.sample;

import io.clm.api.BatchResult;
import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.IngestResult;
import io.clm.api.InvalidEventException;
import io.clm.api.LifecycleEngine;
import io.clm.api.UnknownCustomerException;
import io.clm.api.ValidationException;
import io.clm.api.event.Event;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events in, customers out. Events are clm's JSON (docs/integration.md): {@code {"type":
 * "transaction", "id": ..., "customer": ..., ...}}; the Jackson module comes with the starter.
 */
@RestController
public class CustomerController {
  private final LifecycleEngine engine;

  /**
   * Created by Spring.
   *
   * @param engine the engine the starter configured
   */
  public CustomerController(LifecycleEngine engine) {
    this.engine = engine;
  }

  /**
   * Applies one event.
   *
   * @param event the event
   * @return whether it was a duplicate, and the stage changes it caused
   */
  @PostMapping("/events")
  public IngestResult ingest(@RequestBody Event event) {
    return engine.ingest(event);
  }

  /**
   * Applies a batch, all or nothing.
   *
   * @param events the events, in order
   * @return the counts and the stage changes
   */
  @PostMapping("/events/batch")
  public BatchResult ingestAll(@RequestBody List<Event> events) {
    return engine.ingestAll(events);
  }

  /**
   * A customer's current stage, cycle and metrics.
   *
   * @param id the customer id
   * @return the customer, or 404
   */
  @GetMapping("/customers/{id}")
  public ResponseEntity<Customer> customer(@PathVariable("id") String id) {
    return ResponseEntity.of(engine.customer(CustomerId.of(id)));
  }

  /**
   * The number of customers in each stage.
   *
   * @return the counts by stage id
   */
  @GetMapping("/stages")
  public Map<String, Long> stages() {
    return engine.stageCounts();
  }

  /**
   * An event or id the engine refuses: 422 with clm's message, which names the event and the
   * reason. Any other failure, such as the database's, is not a refusal: Spring answers it with 500
   * and logs it, and the sender sends the event again.
   *
   * @param e the refusal
   * @return the error body
   */
  @ExceptionHandler({
    InvalidEventException.class,
    UnknownCustomerException.class,
    IllegalTransitionException.class,
    ValidationException.class
  })
  public ResponseEntity<Map<String, String>> refused(ClmException e) {
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(Map.of("error", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage())));
  }
}
