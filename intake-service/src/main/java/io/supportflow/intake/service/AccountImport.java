package io.supportflow.intake.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.intake.domain.Account;
import io.supportflow.intake.domain.AccountRequest;
import io.supportflow.intake.service.AccountDirectory.AccountVersion;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ValidationProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * The first load of the directory: a file of accounts, read a line at a time as it arrives. Each good line is
 * applied whole (the account's new version and its AccountChanged together), the good lines a batch at a time;
 * each bad line is reported with its number and faults and changes nothing.
 */
@ApplicationScoped
public class AccountImport {

    /** The most bad lines a report lists one by one; the rest are counted. */
    static final int MAX_REPORTED_FAULTS = 1000;

    public enum Format {
        JSON_LINES,
        CSV
    }

    private final AccountDirectory directory;
    private final Validator validator;
    private final ObjectMapper json;
    private final int batchSize;

    AccountImport(AccountDirectory directory, Validator validator, ObjectMapper json, IntakeConfig config) {
        this.directory = directory;
        this.validator = validator;
        this.json = json;
        this.batchSize = config.accounts().importBatch();
    }

    /**
     * @throws InvalidImportException     a CSV header that names no columns, or bytes that are no UTF-8 (the batches
     *                                    before them are applied)
     * @throws ImportInterruptedException the database failed part-way; the lines before are applied
     */
    public ImportReport importFrom(BufferedReader lines, Format format, String changedBy) throws IOException {
        Progress progress = new Progress(changedBy);
        AccountLines reader = format == Format.JSON_LINES ? AccountLines.jsonLines(json) : null;
        int number = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                line = number == 1 ? withoutByteOrderMark(line) : line;
                if (line.isBlank()) {
                    continue;
                }
                if (reader == null) {
                    reader = csvReaderFor(line);
                    continue;
                }
                progress.take(number, reader.parse(line));
            }
        } catch (CharacterCodingException e) {
            // The decoder reads ahead: the good lines just before the bytes may not have been read, so none of the
            // lines read since the last batch is applied; the ones of earlier batches stay (resending is safe).
            throw new InvalidImportException(List.of(new FieldError("body", "is not UTF-8 after line " + number
                    + " (lines are read ahead, so the bytes may come a little later); the import stopped there")));
        }
        progress.flush();
        return progress.report(number);
    }

    /** Spreadsheets write one before UTF-8 text; it is no part of the first column's name. */
    private static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static AccountLines csvReaderFor(String header) {
        try {
            return AccountLines.csv(header);
        } catch (IllegalArgumentException e) {
            throw new InvalidImportException(List.of(new FieldError("header", e.getMessage())));
        }
    }

    /** The lines read so far: the good ones waiting for their batch, the counts, the faults. */
    private final class Progress {

        private final String changedBy;
        private final List<Account> batch = new ArrayList<>();
        private final List<ImportReport.LineFaults> faults = new ArrayList<>();
        private int refused;
        private int created;
        private int changed;
        private int unchanged;
        private int lastInBatch;
        private int appliedThrough;

        Progress(String changedBy) {
            this.changedBy = changedBy;
        }

        void take(int number, AccountLines.Parsed parsed) {
            List<FieldError> lineFaults = parsed.request() == null ? parsed.faults()
                    : ValidationProblems.fieldErrors(validator.validate(parsed.request()));
            if (lineFaults.isEmpty()) {
                batch.add(parsed.request().toAccount());
                lastInBatch = number;
                if (batch.size() >= batchSize) {
                    flush();
                }
                return;
            }
            refused++;
            if (faults.size() < MAX_REPORTED_FAULTS) {
                faults.add(new ImportReport.LineFaults(number, accountIdOf(parsed.request()), lineFaults));
            }
        }

        /**
         * Applies the batch in account order (a stable sort: one account's lines keep theirs), so that two imports
         * of the same accounts lock them in the same order and wait for each other rather than deadlock.
         */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            batch.sort(Comparator.comparing(Account::accountId));
            List<AccountVersion> stored;
            try {
                stored = directory.putAll(batch, changedBy);
            } catch (RuntimeException e) {
                throw new ImportInterruptedException(appliedThrough, e);
            }
            appliedThrough = lastInBatch;
            for (AccountVersion version : stored) {
                switch (version.change()) {
                    case CREATED -> created++;
                    case CHANGED -> changed++;
                    case UNCHANGED -> unchanged++;
                }
            }
            batch.clear();
        }

        ImportReport report(int lines) {
            return new ImportReport(lines, created, changed, unchanged, refused, faults, refused - faults.size());
        }

        private static String accountIdOf(AccountRequest request) {
            return request == null ? null : request.accountId();
        }
    }
}
