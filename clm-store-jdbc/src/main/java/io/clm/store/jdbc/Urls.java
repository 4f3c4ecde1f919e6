package io.clm.store.jdbc;

import java.util.regex.Pattern;

/**
 * JDBC URLs as they may appear in messages: without user names and passwords, including every
 * parameter whose name ends in {@code password} (PostgreSQL's {@code sslpassword}, which unlocks the
 * client's TLS key).
 */
final class Urls {
  /**
   * A credential parameter and its value: up to the next {@code ;} after a {@code ;} (H2's
   * settings, whose values may hold {@code &}), up to the next {@code &} after a {@code ?} or
   * {@code &} (PostgreSQL's parameters, whose values may hold {@code ;}).
   */
  private static final Pattern CREDENTIALS = Pattern.compile(
      "(?i)(;(?:[a-z_.-]*password|user|username)=)[^;]*|([?&](?:[a-z_.-]*password|user|username)=)[^&]*");
  /**
   * The user name and password before the host, up to the last {@code @} before the path: a
   * password may hold {@code @}.
   */
  private static final Pattern USER_INFO = Pattern.compile("//[^/]*@");

  private Urls() {}

  static String withoutCredentials(String url) {
    String s = CREDENTIALS.matcher(url).replaceAll("$1$2***");
    return USER_INFO.matcher(s).replaceAll("//***@");
  }
}
