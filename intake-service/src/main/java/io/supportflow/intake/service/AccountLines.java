package io.supportflow.intake.service;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.supportflow.intake.domain.AccountRequest;
import io.supportflow.runtime.problem.FieldError;

/**
 * Reads one line of an account import as an {@link AccountRequest}, or says what is wrong with it. Each line is
 * read on its own, so a malformed line spoils only itself: JSON lines hold one object each; CSV lines hold the
 * columns its first line names ({@code accountId,plan,region,locale,scheduleId}, any order, all but the first
 * two optional) and cannot span lines.
 */
public sealed interface AccountLines {

    List<String> CSV_COLUMNS = List.of("accountId", "plan", "region", "locale", "scheduleId");

    /** The request {@code line} states, or the faults that keep it from stating one. */
    Parsed parse(String line);

    record Parsed(AccountRequest request, List<FieldError> faults) {

        static Parsed of(AccountRequest request) {
            return new Parsed(request, List.of());
        }

        static Parsed fault(String field, String message) {
            return new Parsed(null, List.of(new FieldError(field, message)));
        }
    }

    static AccountLines jsonLines(ObjectMapper json) {
        return new JsonLines(json.readerFor(AccountRequest.class));
    }

    /** For a CSV file whose first line is {@code header}; refuses a header naming no id, no plan or another column. */
    static AccountLines csv(String header) {
        String[] columns = CsvLine.split(header);
        List<String> unknown = Arrays.stream(columns).filter(column -> !CSV_COLUMNS.contains(column)).toList();
        if (!unknown.isEmpty() || !Arrays.asList(columns).containsAll(CSV_COLUMNS.subList(0, 2))) {
            throw new IllegalArgumentException("the first line must name the columns: accountId and plan, and any of "
                    + CSV_COLUMNS.subList(2, CSV_COLUMNS.size()) + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
        }
        return new CsvLine(columns);
    }

    record JsonLines(ObjectReader reader) implements AccountLines {

        @Override
        public Parsed parse(String line) {
            try {
                AccountRequest request = reader.readValue(line);
                return request == null ? Parsed.fault("line", "must be a JSON object") : Parsed.of(request);
            } catch (UnrecognizedPropertyException e) {
                return Parsed.fault("line", "has a field an account does not take; the fields are "
                        + String.join(", ", CSV_COLUMNS));
            } catch (JsonMappingException e) {
                String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "line"
                        : e.getPath().get(0).getFieldName();
                return Parsed.fault(field, field.equals("line") ? "must be a JSON object" : "must be a JSON string");
            } catch (JsonProcessingException e) {
                return Parsed.fault("line", "is not valid JSON");
            }
        }
    }

    record CsvLine(String[] columns) implements AccountLines {

        private static final ObjectReader ROWS = new CsvMapper().readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY);

        @Override
        public Parsed parse(String line) {
            String[] values;
            try {
                values = split(line);
            } catch (IllegalArgumentException e) {
                return Parsed.fault("line", "is not a valid CSV line");
            }
            if (values.length != columns.length) {
                return Parsed.fault("line", "has " + values.length + " columns, the first line names " + columns.length);
            }
            Map<String, String> byColumn = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                byColumn.put(columns[i], values[i].isEmpty() ? null : values[i]);
            }
            return Parsed.of(new AccountRequest(byColumn.get("accountId"), byColumn.get("plan"), byColumn.get("region"),
                    byColumn.get("locale"), byColumn.get("scheduleId")));
        }

        static String[] split(String line) {
            try (MappingIterator<String[]> rows = ROWS.readValues(line)) {
                return rows.hasNextValue() ? rows.nextValue() : new String[0];
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("Not a CSV line: " + e.getMessage(), e);
            }
        }
    }
}
