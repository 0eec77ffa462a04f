package io.supportflow.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

class JsonProblemMapperTest {

    enum Channel { WEB, CHAT }

    record Customer(String email, List<String> tags) {
    }

    record Request(String subject, int count, boolean urgent, Channel channel, Instant at, Duration target,
                   Customer customer, List<Customer> contacts) {
    }

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    JsonProblemMapperTest() {
        new StrictRequestJson().customize(json);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsFieldAndTheJsonTypeExpected() {
        assertThat(problemFor("{\"subject\":{\"a\":1}}").errors())
                .containsExactly(new FieldError("subject", "must be a string"));
        assertThat(problemFor("{\"count\":\"many\"}").errors()).containsExactly(new FieldError("count", "must be a number"));
        assertThat(problemFor("{\"urgent\":\"maybe\"}").errors())
                .containsExactly(new FieldError("urgent", "must be true or false"));
        assertThat(problemFor("{\"customer\":{\"tags\":{}}}").errors())
                .containsExactly(new FieldError("customer.tags", "must be an array"));
    }

    @Test
    void aNumberOrBooleanForATextFieldIsRefusedRatherThanTurnedIntoText() {
        assertThat(problemFor("{\"subject\":42}").errors()).containsExactly(new FieldError("subject", "must be a string"));
        assertThat(problemFor("{\"subject\":true}").errors()).containsExactly(new FieldError("subject", "must be a string"));
    }

    @Test
    void anUnknownFieldIsRefusedByItsPathWithTheFieldsTheObjectTakes() {
        Problem problem = problemFor("{\"subject\":\"Slow\",\"catgory\":\"QUESTION\"}");
        assertThat(problem.detail()).isEqualTo("The request body has a field this endpoint does not take");
        assertThat(problem.errors()).containsExactly(new FieldError("catgory",
                "is not a field here; the fields are at, channel, contacts, count, customer, subject, target, urgent"));
        assertThat(problemFor("{\"customer\":{\"mail\":\"a@example.com\"}}").errors())
                .containsExactly(new FieldError("customer.mail", "is not a field here; the fields are email, tags"));
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        Problem problem = problemFor("{\"subject\":\"Slow\",\"subject\":\"Fast\"}");
        assertThat(problem.detail()).isEqualTo("The request body has a field twice");
        assertThat(problem.errors()).containsExactly(new FieldError("subject", "appears more than once in its object"));
        assertThat(problemFor("{\"customer\":{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}}").errors())
                .containsExactly(new FieldError("customer.email", "appears more than once in its object"));
        assertThat(problemFor("{\"contacts\":[{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}]}").errors())
                .containsExactly(new FieldError("contacts[0].email", "appears more than once in its object"));
    }

    @Test
    void aFieldNameNoRequestCouldHaveIsNotRepeatedBack() {
        assertThat(problemFor("{\"<script>x</script>\":1}").errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void aDurationInAnotherFormIsAskedForAsIso8601() {
        assertThat(problemFor("{\"target\":{\"hours\":4}}").errors())
                .containsExactly(new FieldError("target", "must be an ISO-8601 duration string (e.g. PT4H)"));
    }

    @Test
    void anEnumValueOutsideItsSetNamesTheAllowedValues() {
        assertThat(problemFor("{\"channel\":\"FAX\"}").errors())
                .containsExactly(new FieldError("channel", "must be one of WEB, CHAT"));
    }

    @Test
    void anArrayInsteadOfTheBodysObjectIsAProblemAboutTheBody() {
        assertThat(problemFor("[1, 2]").errors()).containsExactly(new FieldError("body", "must be an object"));
    }

    @Test
    void brokenJsonNamesWhereItBreaks() {
        Problem problem = problemFor("{\"subject\": \"unclosed");
        assertThat(problem.detail()).isEqualTo("The request body is not valid JSON");
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).matches("is not valid JSON \\(line 1, column \\d+\\)");
        });
    }

    @Test
    void noAnswerNamesAJavaClass() {
        for (String body : List.of("[1]", "{\"count\":true}", "{\"at\":\"yesterday\"}", "{\"customer\":\"x\"}")) {
            Problem problem = problemFor(body);
            assertThat(problem.detail() + problem.errors()).doesNotContain("io.supportflow", "java.", "JsonProblemMapperTest",
                    "Customer", "`");
        }
    }

    private Problem problemFor(String body) {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> json.readValue(body, Request.class));
        Response answer = new JsonProblemMapper().unreadableJson(failure);
        assertThat(answer.getStatus()).isEqualTo(400);
        return (Problem) answer.getEntity();
    }
}
