package io.supportflow.sla.rest;

import java.time.Instant;
import java.util.List;

import io.supportflow.sla.domain.ComplianceReport;
import io.supportflow.sla.domain.handling.HandlingCompliance;

/**
 * Compliance of the tickets received in [from, to), per plan and priority: {@code rows} the response promise,
 * {@code handling} the handling promise (empty in a what-if simulation, which changes response targets only).
 */
public record ReportView(Instant from, Instant to, List<ComplianceReport.Row> rows,
                         List<HandlingCompliance.Row> handling) {
}
