package io.supportflow.intake;

import static io.supportflow.intake.AccountRequests.get;
import static io.supportflow.intake.AccountRequests.importLines;
import static io.supportflow.intake.AccountRequests.newAccountId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.AccountChanged;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** The first load: a file of accounts whose good lines are applied and whose bad lines are reported. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class AccountImportTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TopicClients.Reads(Topics.ACCOUNTS)
    private TopicReader accounts;

    @Test
    void jsonLinesApplyTheGoodLinesAndReportEachBadOneByNumberChangingNothingForIt() {
        String good = newAccountId();
        String other = newAccountId();
        String unknownPlan = newAccountId();
        String lines = String.join("\n",
                "{\"accountId\":\"" + good + "\",\"plan\":\"ENTERPRISE\",\"region\":\"EU\"}",
                "{\"accountId\":\"" + unknownPlan + "\",\"plan\":\"GOLD\"}",
                "{\"accountId\":\"" + newAccountId() + "\",\"plan\":\"PRO\"",
                "",
                "{\"plan\":\"PRO\"}",
                "[1, 2]",
                "{\"accountId\":\"" + other + "\",\"plan\":\"EDUCATION\",\"locale\":\"de\"}") + "\n";

        importLines("application/x-ndjson", lines).statusCode(200)
                .body("lines", equalTo(7)).body("created", equalTo(2)).body("refused", equalTo(4))
                .body("faults.line", contains(2, 3, 5, 6))
                .body("faults[0].accountId", equalTo(unknownPlan))
                .body("faults[0].errors[0].field", equalTo("plan"))
                .body("faults[1].errors[0].message", equalTo("is not valid JSON"))
                .body("faults[2].errors[0].field", equalTo("accountId"))
                .body("faults[3].errors[0].message", equalTo("must be a JSON object"));

        assertThat(accounts.<AccountChanged>awaitEvent(EventType.ACCOUNT_CHANGED, good, SOON).plan())
                .isEqualTo(Plan.ENTERPRISE);
        assertThat(accounts.<AccountChanged>awaitEvent(EventType.ACCOUNT_CHANGED, other, SOON).locale())
                .isEqualTo("de");
        get(unknownPlan).statusCode(404);
    }

    @Test
    void csvNamesItsColumnsInItsFirstLineAndAQuotedValueMayHoldACommaOnlyItsOwnLineFailing() {
        String quoted = newAccountId();
        String plain = newAccountId();
        String lines = "plan,accountId,scheduleId\r\n"
                + "PRO,\"" + quoted + "\",\"office, Berlin\"\r\n"
                + "PRO,\"unclosed\r\n"
                + "BUSINESS," + plain + ",,extra\r\n"
                + "BUSINESS," + plain + ",\r\n";

        importLines("text/csv", lines).statusCode(200)
                .body("created", equalTo(2)).body("refused", equalTo(2))
                .body("faults.line", contains(3, 4))
                .body("faults[1].errors[0].message", equalTo("has 4 columns, the first line names 3"));

        get(quoted).statusCode(200).body("scheduleId", equalTo("office, Berlin"));
        get(plain).statusCode(200).body("plan", equalTo("BUSINESS"));
    }

    @Test
    void aSpreadsheetsByteOrderMarkIsNoPartOfTheHeader() {
        String id = newAccountId();

        importLines("text/csv", "\uFEFFaccountId,plan\n" + id + ",PRO\n").statusCode(200).body("created", equalTo(1));

        get(id).statusCode(200).body("plan", equalTo("PRO"));
    }

    @Test
    void bytesThatAreNoUtf8StopTheImportAndBecomeNoAccount() {
        String mangled = newAccountId();
        byte[] header = "accountId,plan\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = (mangled + "-M\u00fcller,PRO\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[header.length + latin1.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(latin1, 0, file, header.length, latin1.length);

        AccountRequests.importBytes("text/csv", file).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("is not UTF-8"));

        get(mangled + "-M\uFFFDller").statusCode(404);
    }

    @Test
    void aCsvFileWhoseFirstLineIsNoHeaderIsRefusedWholeAndNothingApplied() {
        String id = newAccountId();

        importLines("text/csv", id + ",PRO\n").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"));

        get(id).statusCode(404);
    }

    @Test
    void aFileLargerThanATicketsLimitIsReadWholeAndImportingItAgainChangesNothing() {
        String prefix = newAccountId();
        String lines = IntStream.range(0, 1500)
                .mapToObj(i -> "{\"accountId\":\"" + prefix + "-" + i + "\",\"plan\":\"PRO\",\"region\":\"EU\"}")
                .collect(Collectors.joining("\n"));
        assertThat(lines.length()).isGreaterThan(64 * 1024);

        importLines("application/x-ndjson", lines).statusCode(200).body("created", equalTo(1500));
        importLines("application/x-ndjson", lines).statusCode(200)
                .body("created", equalTo(0)).body("changed", equalTo(0)).body("unchanged", equalTo(1500));

        get(prefix + "-1499").statusCode(200).body("version", equalTo(1));
    }

    @Test
    void anImportInAnotherFormatIsRefusedWith415Problem() {
        importLines("application/json", "{\"accountId\":\"x\",\"plan\":\"PRO\"}").statusCode(415)
                .contentType("application/problem+json");
        importLines("text/plain", "x").statusCode(415).body("status", equalTo(415));
        get("x").statusCode(404);
    }
}
