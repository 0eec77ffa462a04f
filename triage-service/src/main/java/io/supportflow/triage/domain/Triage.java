package io.supportflow.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.supportflow.events.Priority;
import io.supportflow.events.Workaround;
import io.supportflow.triage.domain.text.TextModel;
import io.supportflow.triage.domain.text.TextPolicy;
import io.supportflow.triage.domain.text.TextPolicy.TextVerdict;
import io.supportflow.triage.domain.text.TextReading;

/**
 * Turns a ticket into a priority with the rule that decided it. Structured fields come first; keywords in the
 * text settle contradicting fields, only towards the more urgent side, and are never outvoted silently when
 * they speak of an outage; text alone is read by the {@link TextModel}. What stays contradictory or unsure
 * goes to review, its clock on the more urgent candidate, so that a likely P1 is never handled as a P3.
 */
public final class Triage {

    private final TriageRules rules;
    private final List<GroupMatcher> groups;
    private final TextModel textModel;
    private final TextPolicy textPolicy;

    public Triage(TriageRules rules, TextModel textModel, TextPolicy textPolicy) {
        this.rules = rules;
        this.groups = rules.keywordGroups().stream().map(GroupMatcher::new).toList();
        this.textModel = textModel;
        this.textPolicy = textPolicy;
    }

    public TriageRules rules() {
        return rules;
    }

    public TriageDecision decide(TriageInput input) {
        List<Signal> structured = structuredSignals(input);
        if (structured.isEmpty()) {
            return fromTextAlone(input.text());
        }
        List<Signal> text = textSignals(input.text());
        if (structured.size() == 2 && rules.contradict(structured.get(0).priority(), structured.get(1).priority())) {
            return settleContradiction(structured.get(0), structured.get(1), text);
        }
        Signal chosen = structured.size() == 2 ? byKind(structured.get(0), structured.get(1)) : structured.get(0);
        Optional<Signal> alarm = text.stream().filter(this::isUrgent).findFirst();
        if (alarm.isPresent() && rules.contradict(alarm.get().priority(), chosen.priority())
                && alarm.get().priority().isMoreUrgentThan(chosen.priority())) {
            return TriageDecision.review(alarm.get().priority(), "review:text-contradicts-fields",
                    chosen.reason() + ", but the text says " + alarm.get().reason());
        }
        return TriageDecision.assigned(chosen.priority(), chosen.rule(), chosen.reason());
    }

    private List<Signal> structuredSignals(TriageInput input) {
        List<Signal> signals = new ArrayList<>(2);
        if (input.impact() != null) {
            boolean stated = input.workaround() != null;
            Workaround workaround = stated ? input.workaround() : rules.assumedWorkaround();
            String workaroundReason = stated ? "workaround " + words(workaround)
                    : "workaround not stated (read as " + words(workaround) + ")";
            signals.add(new Signal(rules.priorityOf(input.impact(), workaround),
                    "impact:" + input.impact() + "/" + workaround,
                    "impact " + words(input.impact()) + ", " + workaroundReason));
        }
        if (input.category() != null) {
            signals.add(new Signal(rules.priorityOf(input.category()), "category:" + input.category(),
                    "category " + words(input.category())));
        }
        return signals;
    }

    /** P1/P2 are defined by impact and workaround, P3/P4 by the kind of request. */
    private static Signal byKind(Signal impact, Signal category) {
        boolean bothRoutine = impact.priority().compareTo(Priority.P3) >= 0 && category.priority().compareTo(Priority.P3) >= 0;
        return bothRoutine ? category : impact;
    }

    /** Text may settle a contradiction only towards the more urgent side; a downgrade needs an agent. */
    private TriageDecision settleContradiction(Signal impact, Signal category, List<Signal> text) {
        Signal urgent = mostUrgent(impact, category);
        Signal routine = urgent == impact ? category : impact;
        Optional<Signal> kind = text.stream().findFirst();
        if (kind.isPresent() && !rules.contradict(urgent.priority(), kind.get().priority())
                && rules.contradict(routine.priority(), kind.get().priority())) {
            return TriageDecision.assigned(urgent.priority(), urgent.rule(),
                    urgent.reason() + "; the text agrees (" + kind.get().reason() + ")");
        }
        return TriageDecision.review(urgent.priority(), "review:fields-contradict", impact.reason() + " ("
                + impact.priority() + ") contradicts " + category.reason() + " (" + category.priority() + ")");
    }

    private TriageDecision fromTextAlone(String text) {
        TextReading reading = textModel.read(text);
        TextVerdict verdict = textPolicy.judge(reading);
        String reason = String.format(Locale.ROOT, "the text reads as %s (%.0f %%; %s)", verdict.priority(),
                100 * reading.probability(verdict.priority()), strongest(reading));
        if (!verdict.needsReview()) {
            return TriageDecision.assigned(verdict.priority(), "text:" + verdict.priority(), reason);
        }
        return TriageDecision.review(verdict.priority(), verdict.clockPriority(), "review:text-unsure",
                reason + "; " + verdict.clockPriority() + " is plausible");
    }

    private static String strongest(TextReading reading) {
        return reading.strongestFeatures().isEmpty() ? "no known words"
                : "strongest: " + String.join(", ", reading.strongestFeatures());
    }

    /** Matching groups, the highest precedence first. */
    private List<Signal> textSignals(String text) {
        List<Signal> signals = new ArrayList<>();
        for (GroupMatcher group : groups) {
            group.matcher().firstMatch(text).ifPresent(word -> signals.add(new Signal(group.group().priority(),
                    "text:" + group.group().name(), group.group().name().replace('-', ' ') + " (\"" + word + "\")")));
        }
        return signals;
    }

    private boolean isUrgent(Signal signal) {
        return signal.priority().compareTo(Priority.P2) <= 0;
    }

    private static Signal mostUrgent(Signal a, Signal b) {
        return b.priority().isMoreUrgentThan(a.priority()) ? b : a;
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase().replace('_', ' ');
    }

    private record Signal(Priority priority, String rule, String reason) {
    }

    private record GroupMatcher(KeywordGroup group, WordMatcher matcher) {
        GroupMatcher(KeywordGroup group) {
            this(group, new WordMatcher(concat(group.english(), group.german())));
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
