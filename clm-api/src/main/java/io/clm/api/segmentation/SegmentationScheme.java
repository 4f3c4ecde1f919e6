package io.clm.api.segmentation;

import io.clm.api.spi.Plugin;
import java.util.List;

/**
 * A segmentation scheme plugin.
 */
public interface SegmentationScheme extends Plugin {
  /**
   * The segments this scheme assigns, in display order.
   *
   * @return segment ids
   */
  List<String> segments();
}
