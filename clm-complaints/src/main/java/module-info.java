/**
 * The complaint engine: the {@link io.clm.complaints.ComplaintDesk} (intake, classification,
 * routing, resolution, SLA clocks on a {@link io.clm.complaints.BusinessCalendar}, reports, the
 * complaint appendix) and the built-in workflows and regulatory profiles, found with {@link
 * java.util.ServiceLoader}.
 */
module io.clm.complaints {
  requires transitive io.clm.api;
  requires io.clm.plugin.support;
  requires static com.google.auto.service;
  requires de.focus_shift.jollyday.core;

  exports io.clm.complaints;

  uses io.clm.api.complaints.ComplaintWorkflow;

  provides io.clm.api.complaints.ComplaintWorkflow with
      io.clm.complaints.profiles.StandardWorkflow,
      io.clm.complaints.profiles.FcaDispWorkflow,
      io.clm.complaints.profiles.CfpbWorkflow,
      io.clm.complaints.profiles.ChinaConsumerComplaintWorkflow,
      io.clm.complaints.profiles.Psd2Workflow;
}
