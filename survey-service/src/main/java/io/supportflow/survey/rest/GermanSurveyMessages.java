package io.supportflow.survey.rest;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The survey pages' texts for customers with locale {@code de}. */
@Localized("de")
public interface GermanSurveyMessages extends SurveyMessages {

    @Override
    @Message("Wie zufrieden sind Sie mit unserem Support?")
    String heading();

    @Override
    @Message("Ihr Ticket wurde gelöst. Bitte sagen Sie uns, wie zufrieden Sie sind; es dauert weniger als eine Minute.")
    String intro();

    @Override
    @Message("Ticket")
    String ticket();

    @Override
    @Message("Betreff")
    String subject();

    @Override
    @Message("Ihre Bewertung")
    String ratingLegend();

    @Override
    @Message("{#when n}{#is 1}1 – Sehr unzufrieden{#is 2}2 – Unzufrieden{#is 3}3 – Weder zufrieden noch unzufrieden"
            + "{#is 4}4 – Zufrieden{#else}5 – Sehr zufrieden{/when}")
    String ratingLabel(int n);

    @Override
    @Message("Kommentar (optional)")
    String commentLabel();

    @Override
    @Message("Bewertung senden")
    String submit();

    @Override
    @Message("Bitte wählen Sie eine Bewertung von 1 bis 5.")
    String errorRating();

    @Override
    @Message("Bitte kürzen Sie Ihren Kommentar auf höchstens {max} Zeichen.")
    String errorComment(int max);

    @Override
    @Message("Ihr Kommentar enthält unsichtbare Steuerzeichen, die wir nicht speichern können. Bitte entfernen Sie sie.")
    String errorCommentCharacters();

    @Override
    @Message("Vielen Dank!")
    String thanksHeading();

    @Override
    @Message("Ihre Bewertung mit {rating} von 5 wurde gespeichert.")
    String thanksText(int rating);

    @Override
    @Message("Ihr Kommentar")
    String yourComment();

    @Override
    @Message("Bereits beantwortet")
    String answeredHeading();

    @Override
    @Message("Diese Umfrage wurde bereits beantwortet. Vielen Dank für Ihr Feedback!")
    String answeredText();

    @Override
    @Message("Umfrage geschlossen")
    String expiredHeading();

    @Override
    @Message("Diese Umfrage ist abgelaufen und kann nicht mehr beantwortet werden. Trotzdem vielen Dank.")
    String expiredText();

    @Override
    @Message("Bitte versuchen Sie es erneut")
    String forgedHeading();

    @Override
    @Message("Wir konnten dieses Formular nicht überprüfen. Bitte öffnen Sie den Link aus Ihrer E-Mail erneut.")
    String forgedText();
}
