package io.clm.kafka.streams;

import io.clm.api.annotation.Experimental;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Why an input record went to the dead-letter topic. The dead letter keeps the input's key, value
 * and headers byte for byte, so that it can be fixed and sent again; the reason travels in headers
 * named {@code clm.dead-letter.*}. Read them back with {@link #from(Headers)}. A dead letter that
 * would not fit in the producer's {@code max.request.size} is written without its value, and its
 * message says so: the input topic holds the value at the partition and offset named here.
 *
 * @param reason the kind of failure
 * @param message what was wrong, naming the field and the value where there is one; customer ids
 *     appear masked
 * @param topic the input topic
 * @param partition the input partition
 * @param offset the input offset
 */
@SuppressWarnings("exports")
@Experimental
public record DeadLetter(Reason reason, String message, String topic, int partition, long offset) {

  /** Header with the {@link Reason} name. */
  public static final String REASON_HEADER = "clm.dead-letter.reason";
  /** Header with the message. */
  public static final String MESSAGE_HEADER = "clm.dead-letter.message";
  /** Header with the input topic. */
  public static final String TOPIC_HEADER = "clm.dead-letter.topic";
  /** Header with the input partition, in decimal. */
  public static final String PARTITION_HEADER = "clm.dead-letter.partition";
  /** Header with the input offset, in decimal. */
  public static final String OFFSET_HEADER = "clm.dead-letter.offset";

  /** The kinds of input that cannot be applied. */
  public enum Reason {
    /** Not JSON, or JSON that is not a clm event (unknown type, missing or unknown field). */
    MALFORMED,
    /** A clm event whose values fail validation (a blank id, a negative amount, ...). */
    INVALID,
    /**
     * A valid event the engine refuses: the record key is not the event's customer, another
     * currency, a timestamp too far in the future, a manual move the model forbids.
     */
    REFUSED
  }

  /**
   * Validates the dead letter.
   *
   * @throws NullPointerException if the reason, message or topic is null
   * @param reason the kind of failure
   * @param message what was wrong, naming the field and the value where there is one; customer ids appear masked
   * @param topic the input topic
   * @param partition the input partition
   * @param offset the input offset
   */
  public DeadLetter {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(topic, "topic");
  }

  /**
   * Writes this dead letter's headers next to the input's own.
   *
   * @param headers the headers of the record to send
   */
  public void writeTo(Headers headers) {
    headers.add(REASON_HEADER, utf8(reason.name()));
    headers.add(MESSAGE_HEADER, utf8(message));
    headers.add(TOPIC_HEADER, utf8(topic));
    headers.add(PARTITION_HEADER, utf8(Integer.toString(partition)));
    headers.add(OFFSET_HEADER, utf8(Long.toString(offset)));
  }

  /**
   * Reads a dead letter from a record's headers.
   *
   * @param headers the headers of a record of the dead-letter topic
   * @return the dead letter
   * @throws IllegalArgumentException if a {@code clm.dead-letter.*} header is missing or invalid
   */
  public static DeadLetter from(Headers headers) {
    try {
      return new DeadLetter(
          Reason.valueOf(text(headers, REASON_HEADER)),
          text(headers, MESSAGE_HEADER),
          text(headers, TOPIC_HEADER),
          Integer.parseInt(text(headers, PARTITION_HEADER)),
          Long.parseLong(text(headers, OFFSET_HEADER)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("dead letter header is not a number: " + e.getMessage(), e);
    }
  }

  private static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null) {
      throw new IllegalArgumentException("dead letter header " + name + " is missing");
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
