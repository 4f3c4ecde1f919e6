package io.clm.complaints.desk;

import com.google.auto.service.AutoService;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.spi.ComplaintDeskConfig;
import io.clm.api.spi.ComplaintDeskProvider;

/** Provides clm-complaints' desk to {@link io.clm.api.complaints.ComplaintDeskBuilder}. */
@AutoService(ComplaintDeskProvider.class)
public final class DeskProvider implements ComplaintDeskProvider {

  /** Created by {@link java.util.ServiceLoader}. */
  public DeskProvider() {}

  @Override
  public ComplaintDesk desk(ComplaintDeskConfig config) {
    return new DeskService(config);
  }
}
