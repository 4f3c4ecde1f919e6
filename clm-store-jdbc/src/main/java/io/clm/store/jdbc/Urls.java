package io.clm.store.jdbc;

import java.util.regex.Pattern;

/** JDBC URLs as they may appear in messages: without user names and passwords. */
final class Urls {
  private static final Pattern CREDENTIALS =
      Pattern.compile("(?i)([;?&](password|user|username)=)[^;&]*");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  private Urls() {}

  static String withoutCredentials(String url) {
    String s = CREDENTIALS.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(s).replaceAll("//***@");
  }
}
