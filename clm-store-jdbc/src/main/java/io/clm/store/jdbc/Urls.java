package io.clm.store.jdbc;

import java.util.regex.Pattern;

/**
 * JDBC URLs as they may appear in messages: without user names and passwords, including every
 * parameter whose name ends in {@code password} (PostgreSQL's {@code sslpassword}, which unlocks the
 * client's TLS key).
 */
final class Urls {
  private static final Pattern CREDENTIALS =
      Pattern.compile("(?i)([;?&]([a-z_.-]*password|user|username)=)[^;&]*");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  private Urls() {}

  static String withoutCredentials(String url) {
    String s = CREDENTIALS.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(s).replaceAll("//***@");
  }
}
