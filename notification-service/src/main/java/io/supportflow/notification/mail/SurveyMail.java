package io.supportflow.notification.mail;

/** What the survey templates show. */
public record SurveyMail(String reference, String url, String expiresAt) {
}
