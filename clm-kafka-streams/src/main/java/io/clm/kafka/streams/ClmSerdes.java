package io.clm.kafka.streams;

import io.clm.api.StageChange;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.Event;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes for the topics of a {@link ClmTopology}: events in, stage changes out, customer views for
 * queries. All are JSON as clm's Jackson module writes it, with a {@code type} property on events
 * and causes: {@code {"type":"transaction","id":"posting-1","customer":"C-1","at":"2026-01-05T10:00:00Z",...}}.
 * Reading validates through the records' constructors; a failure is a {@link
 * SerializationException} naming the type and the problem. Null stays null.
 */
@SuppressWarnings("exports")
@Experimental
public final class ClmSerdes {
  private ClmSerdes() {}

  /**
   * Events, for producers of the input topic.
   *
   * @return the serde
   */
  public static Serde<Event> events() {
    return json(Event.class);
  }

  /**
   * Stage changes, for consumers of the stage-change topic.
   *
   * @return the serde
   */
  public static Serde<StageChange> stageChanges() {
    return json(StageChange.class);
  }

  /**
   * Customer views, as {@link HttpCustomerEndpoint} serves them.
   *
   * @return the serde
   */
  public static Serde<CustomerView> customerViews() {
    return json(CustomerView.class);
  }

  private static <T> Serde<T> json(Class<T> type) {
    Serializer<T> serializer = (topic, value) -> value == null ? null : ClmJson.write(value);
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return ClmJson.read(bytes, type);
          } catch (IOException e) {
            throw new SerializationException(
                "cannot read a " + type.getSimpleName() + " from " + bytes.length + " bytes of topic " + topic + ": "
                    + ClmJson.unreadable(e),
                e);
          } catch (RuntimeException e) {
            throw new SerializationException(
                "cannot read a " + type.getSimpleName() + " from " + bytes.length + " bytes of topic " + topic + ": "
                    + e.getMessage(),
                e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
