package io.clm.kafka.streams;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A customer id as one segment of a URI path (RFC 3986): UTF-8, every byte outside the unreserved
 * characters percent-encoded. Decoding is percent-decoding only: a {@code +} is a plus, not a
 * space as in HTML form encoding.
 */
final class CustomerPath {
  private CustomerPath() {}

  /**
   * The id as one path segment.
   *
   * @param customer the customer
   * @return the segment, which contains no {@code /}
   */
  static String encode(CustomerId customer) {
    // Form encoding writes a space as '+' and leaves "*" unencoded; in a path '+' stands for itself.
    return URLEncoder.encode(customer.value(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The customer a raw (still encoded) path segment names.
   *
   * @param raw the segment as the request sent it
   * @return the customer
   * @throws ValidationException if the segment has a character that is not ASCII or a {@code /}, if a {@code %}
   *     is not followed by two hex digits, if the decoded
   *     bytes are not UTF-8, or if the id is not a valid {@link CustomerId}; the message never
   *     contains the id
   */
  static CustomerId decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 0x80) {
        throw new ValidationException(
            "customer id in the request path has a character that is not ASCII at character " + i
                + ": percent-encode its UTF-8 bytes");
      }
      if (c == '/') {
        // Decoded, "a/b" and "a%2Fb" would name the same customer: a second segment is not an id.
        throw new ValidationException(
            "customer id in the request path has a '/' at character " + i
                + ": the id is one path segment, percent-encode '/' as %2F");
      }
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (high < 0 || low < 0) {
        throw new ValidationException(
            "customer id in the request path has a malformed percent escape at character " + i
                + ": '%' must be followed by two hex digits");
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    String value;
    try {
      value =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ValidationException("customer id in the request path is not UTF-8 once percent-decoded", e);
    }
    return new CustomerId(value);
  }
}
