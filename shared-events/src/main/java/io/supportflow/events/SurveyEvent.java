package io.supportflow.events;

/** Events written by survey-service. */
public sealed interface SurveyEvent extends SupportEvent permits SurveyRequested, SurveyCompleted {
}
