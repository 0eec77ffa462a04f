package io.supportflow.intake.service;

import java.util.List;

import io.supportflow.runtime.problem.FieldError;

/**
 * What an account import did: of the lines read (blank ones and a CSV file's header included), how many created
 * an account, changed one, stated one as it already was, or were refused; the refused lines with their faults,
 * the first {@value AccountImport#MAX_REPORTED_FAULTS} of them, and how many more there were.
 */
public record ImportReport(int lines, int created, int changed, int unchanged, int refused, List<LineFaults> faults,
                           int faultsNotListed) {

    /** One refused line: its number (the first line is 1), the account it named if any, what is wrong. */
    public record LineFaults(int line, String accountId, List<FieldError> errors) {
    }
}
