package io.supportflow.triage.domain.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phrases agents look for, grouped by what they tell in the vendor's definitions (how many are affected, a
 * workaround, happening now, the kind of request). A group is one feature ({@code k:} and its name), so that
 * "none of our attendees" and "keiner der Teilnehmer" count as the same evidence; the model learns its weight.
 */
final class Cues {

    private static final List<Cue> CUES = List.of(
            cue("everyone-affected", "\\b(nobody|no ?one|none of|not a single|all (?:of )?(?:our |the |my )?(?:users|attendees|participants|"
                    + "viewers|customers|hosts|presenters|webinars|meetings|events|sessions|calls|requests|accounts)|every(?:one|body| user| attendee| webinar| call| request)"
                    + "|entire|whole (?:company|team|org)|company-?wide|account-?wide|niemand|keiner|keine[rn]? (?:der|unserer)|alle[nr]? (?:unsere[nr]? )?"
                    + "(?:nutzer|benutzer|teilnehmer|teilnehmenden|zuschauer|kunden|webinare|meetings|veranstaltungen|sitzungen|anfragen|mitarbeiter|kolleg)"
                    + "|gesamte[nr]?|ganze[nr]? (?:firma|team|unternehmen|haus)|jede[rsn]? (?:anfrage|aufruf|webinar|nutzer))"),
            cue("many-people", "\\b\\d{2,5}\\+? ?(?:attendees|participants|viewers|people|ppl|users|registrants|teilnehmer\\w*|zuschauer\\w*|leute|personen|nutzer\\w*|gaeste)"),
            cue("no-workaround", "(no (?:workaround|work-around|way around|alternative)|nothing works|keine (?:umgehung|alternative|ausweichmoeglichkeit|workaround)"
                    + "|kein (?:workaround|ausweg)|geht gar nichts|nichts geht|nothing we can do|keine moeglichkeit)"),
            cue("workaround", "(workaround (?:works|is|:)|work around it|can still|still (?:works|work|possible|able)|for now we|"
                    + "in the meantime|umgehung (?:funktioniert|klappt|geht)|ausweichen|behelf|vorerst|geht aber|funktioniert aber|klappt aber)"),
            cue("happening-now", "(right now|at the moment|currently|live (?:now|event|webinar|session)|in progress|starts? in \\d+|is running|"
                    + "mitten im|gerade|aktuell|laeuft (?:gerade|jetzt)|in \\d+ (?:min|minuten)|sofort)"),
            cue("single-user", "\\b(one (?:user|attendee|of our|colleague|presenter)|a single (?:user|attendee)|only (?:me|one|for me)|"
                    + "ein(?:e|em)? (?:einzelne[rn]?|kolleg\\w*|nutzer|teilnehmer\\w*)|nur (?:bei )?(?:mir|einem|einer))"),
            cue("total-failure", "(down|outage|offline|unreachable|unavailable|dead|black screen|not load\\w*|won't load|doesn't load|"
                    + "ausgefallen|ausfall|nicht erreichbar|nicht verfuegbar|lahm ?gelegt|schwarz|stillstand|steht still|tot\\b)"),
            cue("data-or-security", "(data loss|lost (?:all|our)|deleted|leak\\w*|breach|hacked|compromised|unauthori[sz]ed|"
                    + "datenverlust|geloescht|verschwunden|gehackt|datenleck|fremde daten|zugriff durch)"),
            cue("slow", "(slow|lag\\w*|latency|delay\\w*|buffer\\w*|stutter\\w*|langsam|ruckel\\w*|verzoeger\\w*|haengt)"),
            cue("cosmetic", "(cosmetic|typo|misaligned|alignment|wrong colou?r|font|layout|kosmetisch|tippfehler|verrutscht|schriftart|darstellung)"),
            cue("feature-request", "(feature request|would be (?:nice|great|helpful)|please add|wish|suggestion|it would help|could you add|why (?:can't|is there no)|"
                    + "roadmap|funktionswunsch|wunsch|wuensche|vorschlag|waere (?:schoen|toll|praktisch|hilfreich)|bitte (?:ergaenzen|einbauen)|warum gibt es kein)"),
            cue("professional-services", "(training|onboarding|consult\\w*|branding|white.?label|implementation|custom (?:development|integration|solution)|"
                    + "workshop|schulung|beratung|implementierung|individuelle|einrichtung durch|dienstleistung|angebot)"),
            cue("billing", "(invoice|billing|refund|charged|payment|licen[cs]e|subscription|pricing|quote|vat|rechnung|abrechnung|gutschrift|"
                    + "zahlung|lizenz|abo\\b|preis|kuendig)"),
            cue("question", "(how (?:do|can|to)|is it possible|can (?:i|we|you)|where (?:do|can|is)|what is|wie (?:kann|koennen|geht|laesst)|"
                    + "gibt es|ist es moeglich|wo (?:finde|kann)|frage)"),
            cue("not-urgent", "(not urgent|no rush|no hurry|whenever|not blocking|low priority|nicht (?:dringend|eilig)|keine eile|"
                    + "blockiert (?:uns )?nicht|hat zeit|wenn (?:sie )?zeit)"),
            cue("beta", "(beta|alpha|preview|early access|vorschau)"));

    private Cues() {
    }

    static void addTo(String text, Set<String> features) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        for (Cue cue : CUES) {
            if (cue.pattern().matcher(lower).find()) {
                features.add("k:" + cue.name());
            }
        }
    }

    private static Cue cue(String name, String regex) {
        return new Cue(name, Pattern.compile(regex, Pattern.UNICODE_CASE));
    }

    private record Cue(String name, Pattern pattern) {
    }
}
