package io.supportflow.survey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyAnswerTest {

    @Test
    void aRatingFromOneToFiveIsTakenAndTheCommentTrimmed() {
        assertThat(SurveyAnswer.parse("5", "  great  ", 100)).isEqualTo(new SurveyAnswer(5, "great"));
        assertThat(SurveyAnswer.parse(" 1 ", "   ", 100)).isEqualTo(new SurveyAnswer(1, null));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0", "6", "4.5", "five", "-1"})
    void anythingElseAsRatingIsRefusedNamingTheRating(String rating) {
        assertThatThrownBy(() -> SurveyAnswer.parse(rating, "", 100))
                .isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("rating"));
    }

    @Test
    void anOverlongCommentIsRefusedNamingTheComment() {
        assertThatThrownBy(() -> SurveyAnswer.parse("3", "x".repeat(11), 10))
                .isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("comment"));
    }
}
