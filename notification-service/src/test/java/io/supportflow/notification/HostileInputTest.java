package io.supportflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.supportflow.testing.HostileInput;
import io.supportflow.testing.HostileUrl;
import io.supportflow.testing.RawHttp;
import io.supportflow.testing.SupportFlowTestResource;

/**
 * Hostile ticket ids on the ops audit: a control character is refused naming {@code ticketId}, a
 * missing id too; any other id is a ticket nothing was sent for (200, an empty list). Never a 500,
 * never the id repeated back.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class HostileInputTest {

    private static final String AUDIT = "/api/v1/notifications";

    static Stream<HostileUrl> hostileTicketIds() {
        Stream<HostileUrl> ids = HostileInput.urlValues().stream().map(value -> value.control() || value.undecodable()
                ? HostileUrl.value(AUDIT, "ticketId", value, "")
                : new HostileUrl(AUDIT + "?ticketId={" + value.name() + "}", AUDIT + "?ticketId=" + value.encoded(),
                        200, null, value.echo(), false));
        Stream<HostileUrl> missing = Stream.of(
                new HostileUrl(AUDIT, AUDIT, 400, "ticketId", null, true),
                HostileUrl.wrong(AUDIT, "ticketId", "", ""),
                HostileUrl.wrong(AUDIT, "ticketId", "   ", ""));
        return Stream.concat(ids, missing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTicketIds")
    void aHostileTicketIdIsRefusedNamingItOrFindsNothingWithoutEchoingIt(HostileUrl url) {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, url.pathAndQuery(),
                Map.of("Authorization", RawHttp.basic("ops", "ops-dev-password")));

        assertThat(url.faultsIn(answer)).isEmpty();
        if (answer.status() == 200) {
            assertThat(answer.body()).isEqualTo("[]");
        }
    }
}
