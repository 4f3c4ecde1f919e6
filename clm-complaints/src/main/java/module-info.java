/**
 * The complaint engine: the implementation of {@link io.clm.api.complaints.ComplaintDesk} (intake,
 * classification, routing, resolution, SLA clocks, reports, the complaint appendix), the shipped
 * business calendars ({@link io.clm.complaints.HolidayCalendars}, {@link
 * io.clm.complaints.BusinessCalendar}), the in-memory ticket store, and the built-in workflows and
 * regulatory profiles, found with {@link java.util.ServiceLoader}.
 */
module io.clm.complaints {
  requires transitive io.clm.api;
  requires io.clm.plugin.support;
  requires static com.google.auto.service;
  requires de.focus_shift.jollyday.core;
  requires org.slf4j;

  exports io.clm.complaints;

  uses io.clm.api.complaints.ComplaintWorkflow;

  provides io.clm.api.spi.ComplaintDeskProvider with
      io.clm.complaints.desk.DeskProvider;

  provides io.clm.api.complaints.ComplaintWorkflow with
      io.clm.complaints.profiles.StandardWorkflow,
      io.clm.complaints.profiles.FcaDispWorkflow,
      io.clm.complaints.profiles.CfpbWorkflow,
      io.clm.complaints.profiles.ChinaConsumerComplaintWorkflow,
      io.clm.complaints.profiles.Psd2Workflow;
}
