package io.clm.api.complaints;

import io.clm.api.spi.Plugin;

/**
 * A complaint workflow plugin.
 */
public interface ComplaintWorkflow extends Plugin {}
