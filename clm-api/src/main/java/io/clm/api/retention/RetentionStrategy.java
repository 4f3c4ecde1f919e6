package io.clm.api.retention;

import io.clm.api.spi.Plugin;

/**
 * A retention strategy plugin.
 */
public interface RetentionStrategy extends Plugin {}
