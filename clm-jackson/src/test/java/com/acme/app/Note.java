package com.acme.app;

import java.util.List;

/**
 * An application's own record with a text that may be null and a list that may be empty.
 *
 * @param text the text, or null
 * @param tags the tags
 */
public record Note(String text, List<String> tags) {}
