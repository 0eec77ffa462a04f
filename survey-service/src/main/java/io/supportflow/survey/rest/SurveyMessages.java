package io.supportflow.survey.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The survey pages' texts in English; {@link GermanSurveyMessages} has them in German. */
@MessageBundle(value = "msg", locale = "en")
public interface SurveyMessages {

    @Message("How satisfied are you with our support?")
    String heading();

    @Message("Your ticket has been solved. Please tell us how we did; it takes less than a minute.")
    String intro();

    @Message("Ticket")
    String ticket();

    @Message("Subject")
    String subject();

    @Message("Your rating")
    String ratingLegend();

    @Message("{#when n}{#is 1}1 – Very dissatisfied{#is 2}2 – Dissatisfied{#is 3}3 – Neither satisfied nor dissatisfied"
            + "{#is 4}4 – Satisfied{#else}5 – Very satisfied{/when}")
    String ratingLabel(int n);

    @Message("Comment (optional)")
    String commentLabel();

    @Message("Send rating")
    String submit();

    @Message("Please choose a rating from 1 to 5.")
    String errorRating();

    @Message("Please shorten your comment to at most {max} characters.")
    String errorComment(int max);

    @Message("Your comment holds invisible control characters that we cannot store. Please remove them.")
    String errorCommentCharacters();

    @Message("Thank you!")
    String thanksHeading();

    @Message("Your rating of {rating} out of 5 has been recorded.")
    String thanksText(int rating);

    @Message("Your comment")
    String yourComment();

    @Message("Already answered")
    String answeredHeading();

    @Message("This survey has already been answered. Thank you for your feedback!")
    String answeredText();

    @Message("Survey closed")
    String expiredHeading();

    @Message("This survey has expired and can no longer be answered. Thank you all the same.")
    String expiredText();

    @Message("Please try again")
    String forgedHeading();

    @Message("We could not verify this form. Please open the survey link from your email again.")
    String forgedText();
}
