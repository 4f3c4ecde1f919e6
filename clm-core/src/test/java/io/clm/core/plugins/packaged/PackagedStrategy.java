package io.clm.core.plugins.packaged;

import io.clm.api.StageFamily;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A retention strategy that the plugin registry's tests copy into a jar and load from there; it
 * refers to nothing but the API and the JDK, so that it loads from a jar of its own.
 */
public final class PackagedStrategy implements RetentionStrategy {
  @Override
  public String id() {
    return "test.packaged";
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.allOf(StageFamily.class);
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    return List.of();
  }
}
