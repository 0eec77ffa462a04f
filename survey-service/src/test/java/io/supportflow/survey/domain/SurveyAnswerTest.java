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

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000byte", "ring\u0007", "red \u001b[31m", "next\u0085line", "over\rwrite", "broken \uD83D here"})
    void aCommentThatIsNotTextIsRefusedNamingTheComment(String comment) {
        assertThatThrownBy(() -> SurveyAnswer.parse("3", comment, 100))
                .isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
                    assertThat(e.field()).isEqualTo("comment");
                    assertThat(e.reason()).isEqualTo(InvalidAnswerException.Reason.COMMENT_NOT_TEXT);
                });
    }

    @Test
    void lineBreaksTabsAndMarkupAreKeptAsTyped() {
        String comment = "first line\r\nsecond\tline\n<b>bold</b> \u2028 \uD83D\uDD25";
        assertThat(SurveyAnswer.parse("4", comment, 100).comment()).isEqualTo(comment);
    }
}
