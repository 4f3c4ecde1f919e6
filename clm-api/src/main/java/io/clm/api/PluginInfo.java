package io.clm.api;

import io.clm.api.annotation.Stable;
import java.util.Objects;

/**
 * What discovery found: one plugin.
 *
 * @param id the plugin's id
 * @param kind the SPI it implements (simple interface name, such as {@code SegmentationScheme})
 * @param className the implementing class
 * @param location where the class was loaded from (a jar file or directory), or {@code unknown}
 * @param version the implementation version from the jar's manifest, or {@code unknown}
 */
@Stable
public record PluginInfo(String id, String kind, String className, String location, String version) {
  /**
   * Validates.
   *
   * @param id the plugin's id
   * @param kind the SPI it implements (simple interface name, such as {@code SegmentationScheme})
   * @param className the implementing class
   * @param location where the class was loaded from (a jar file or directory), or {@code unknown}
   * @param version the implementation version from the jar's manifest, or {@code unknown}
   */
  public PluginInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(version, "version");
  }
}
