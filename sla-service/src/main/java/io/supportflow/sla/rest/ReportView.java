package io.supportflow.sla.rest;

import java.time.Instant;
import java.util.List;

import io.supportflow.sla.domain.ComplianceReport;

/** Compliance of the tickets received in [from, to), per plan and priority. */
public record ReportView(Instant from, Instant to, List<ComplianceReport.Row> rows) {
}
