package io.supportflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supportflow.events.Category;
import io.supportflow.events.Channel;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Workaround;
import java.util.List;
import java.util.Random;

/**
 * A realistic stream of submissions as the channel adapters send them: most customers on FREE and PRO,
 * each ticket on a channel its plan includes, English and German, all impact levels, bodies of about
 * 1 KB. Seeded, so two runs with the same seed post the same mix.
 */
final class TicketMix {

    /** Bodies are filled up to about this size, in UTF-8 bytes of the JSON. */
    static final int TARGET_BODY_BYTES = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Customers who write in, one contact each. Several thousand, not one per ticket: the local mail
     * server (GreenMail) keeps a mailbox per recipient and looks each delivery's up in a list, so a run
     * with tens of thousands of recipients would measure that list more than SupportFlow.
     */
    private static final int CUSTOMER_ACCOUNTS = 5_000;
    private static final List<Weighted<Plan>> PLANS = List.of(new Weighted<>(Plan.FREE, 35),
            new Weighted<>(Plan.PRO, 30), new Weighted<>(Plan.BUSINESS, 15), new Weighted<>(Plan.ENTERPRISE, 10),
            new Weighted<>(Plan.EDUCATION, 5), new Weighted<>(Plan.API, 5));
    private static final List<Weighted<Channel>> WEB_AND_CHAT = List.of(new Weighted<>(Channel.WEB, 65),
            new Weighted<>(Channel.CHAT, 35));
    private static final List<Weighted<Channel>> ALL_CHANNELS = List.of(new Weighted<>(Channel.WEB, 50),
            new Weighted<>(Channel.CHAT, 30), new Weighted<>(Channel.PHONE, 20));
    /** Tickets whose fields and words agree, so triage decides them itself (none goes to agent review). */
    private static final List<Weighted<Scenario>> SCENARIOS = List.of(
            new Weighted<>(new Scenario(Impact.SERVICE_DOWN, Workaround.NONE, Category.OUTAGE,
                    "Nobody can log in, the workspace is down",
                    List.of("Since 9:00 the whole workspace is unreachable for us.", "Nobody can open a project or a report."),
                    "Plattform ausgefallen, niemand kann sich anmelden",
                    List.of("Seit 9 Uhr ist unser Arbeitsbereich nicht erreichbar.", "Niemand kann ein Projekt öffnen.")), 5),
            new Weighted<>(new Scenario(Impact.SEVERELY_IMPAIRED, Workaround.PARTIAL, Category.DEGRADED,
                    "Reports are very slow since the update",
                    List.of("Loading a report takes minutes and some users get timeouts.",
                            "It happens intermittently, mostly in the morning."),
                    "Berichte laden sehr langsam",
                    List.of("Das Laden eines Berichts dauert Minuten, einige Nutzer sehen Zeitüberschreitungen.",
                            "Es passiert sporadisch, meist am Vormittag.")), 10),
            new Weighted<>(new Scenario(Impact.IMPAIRED, Workaround.PARTIAL, Category.FEATURE_PROBLEM,
                    "Export to PDF fails for large reports",
                    List.of("The PDF export fails with an error for reports over 50 pages.",
                            "Smaller reports still export, so we split them for now."),
                    "PDF-Export schlägt bei großen Berichten fehl",
                    List.of("Der PDF-Export schlägt bei Berichten über 50 Seiten fehl.",
                            "Kleinere Berichte klappen, deshalb teilen wir sie auf.")), 15),
            new Weighted<>(new Scenario(Impact.IMPAIRED, Workaround.AVAILABLE, Category.FEATURE_PROBLEM,
                    "Invoice shows the wrong VAT rate",
                    List.of("The invoice PDF shows an incorrect tax amount for Austrian customers.",
                            "The CSV export has the right amount, so we use that."),
                    "Rechnung zeigt falschen Steuersatz",
                    List.of("Die Rechnung zeigt für Kunden in Österreich einen falschen Steuerbetrag.",
                            "Im CSV-Export stimmt der Betrag, den nutzen wir solange.")), 30),
            new Weighted<>(new Scenario(Impact.MINIMAL, Workaround.AVAILABLE, Category.QUESTION,
                    "How do I add a second admin?",
                    List.of("How can I give a colleague the same rights as me?",
                            "Is there a way to do it without sharing my login?"),
                    "Wie kann ich einen zweiten Admin anlegen?",
                    List.of("Wie kann ich einer Kollegin dieselben Rechte geben?",
                            "Gibt es eine Möglichkeit, das ohne meine Zugangsdaten zu tun?")), 20),
            new Weighted<>(new Scenario(Impact.MINIMAL, Workaround.AVAILABLE, Category.FEATURE_REQUEST,
                    "Feature request: dark mode",
                    List.of("A dark mode would be great for our night shift.", "Please add it to the roadmap."),
                    "Wunsch: dunkles Design",
                    List.of("Ein dunkles Design wäre toll für unsere Nachtschicht.", "Bitte ergänzen Sie es.")), 10),
            new Weighted<>(new Scenario(Impact.MINIMAL, Workaround.AVAILABLE, Category.CONFIGURATION,
                    "Single sign-on with our identity provider",
                    List.of("We want to configure single sign-on with our identity provider.",
                            "Which options do we have to turn on?"),
                    "Single Sign-on mit unserem Identitätsanbieter",
                    List.of("Wir möchten Single Sign-on mit unserem Identitätsanbieter einrichten.",
                            "Welche Einstellungen müssen wir aktivieren?")), 10));
    /** Words that no triage rule reacts to, to bring a body up to about 1 KB. */
    private static final List<String> FILLER_EN = List.of("We use the web application in Firefox on Windows 11.",
            "Our workspace is hosted in the EU region.", "The finance team noticed it first this morning.",
            "Thank you for looking into it.", "Best regards from Hamburg.");
    private static final List<String> FILLER_DE = List.of("Wir nutzen die Webanwendung mit Firefox unter Windows 11.",
            "Unser Arbeitsbereich liegt in der Region EU.", "Das Team der Buchhaltung hat es heute Morgen bemerkt.",
            "Vielen Dank im Voraus.", "Viele Grüße aus Hamburg.");
    private static final List<String> NAMES = List.of("Grace Hopper", "Ada Lovelace", "Jürgen Müller",
            "Katherine Johnson", "Emmy Noether", "Alan Turing", "Lise Meitner", "Edsger Dijkstra");

    private final Random random;
    private final String runId;
    private long sequence;

    TicketMix(long seed, String runId) {
        this.random = new Random(seed);
        this.runId = runId;
    }

    /** The next submission; its externalRef is unique within the run, so every post is a new ticket. */
    TicketPost next() {
        long number = sequence++;
        Plan plan = pick(PLANS);
        Channel channel = pick(channelsOf(plan));
        boolean german = random.nextInt(100) < 30;
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String externalRef = "bench-" + runId + "-" + number;

        ObjectNode body = JSON.createObjectNode();
        body.put("externalRef", externalRef);
        body.put("plan", plan.name());
        ObjectNode customer = body.putObject("customer");
        int account = random.nextInt(CUSTOMER_ACCOUNTS);
        customer.put("accountId", accountOf(plan, account));
        customer.put("name", name);
        customer.put("email", "customer" + account + "@example.com");
        customer.put("locale", german ? "de" : "en");
        Scenario scenario = pick(SCENARIOS);
        body.put("subject", german ? scenario.subjectDe() : scenario.subjectEn());
        body.put("category", scenario.category().name());
        body.put("impact", scenario.impact().name());
        body.put("workaround", scenario.workaround().name());
        body.put("description", "");
        int withoutDescription = write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        body.put("description", description(german ? scenario.sentencesDe() : scenario.sentencesEn(),
                german ? FILLER_DE : FILLER_EN, TARGET_BODY_BYTES - withoutDescription));
        return new TicketPost(externalRef, plan, channel, scenario.impact(), german ? "de" : "en", write(body));
    }

    /**
     * Each customer has an account on every plan, so that a ticket's plan is its account's: intake takes the plan
     * from the account directory, which {@link #accountDirectoryCsv()} loads.
     */
    static String accountOf(Plan plan, int customer) {
        return "ACCT-" + plan + "-" + customer;
    }

    /** Every account a ticket of the mix may name, as an account import's CSV. */
    static String accountDirectoryCsv() {
        StringBuilder csv = new StringBuilder("accountId,plan\n");
        for (Weighted<Plan> plan : PLANS) {
            for (int customer = 0; customer < CUSTOMER_ACCOUNTS; customer++) {
                csv.append(accountOf(plan.value(), customer)).append(',').append(plan.value()).append('\n');
            }
        }
        return csv.toString();
    }

    static List<Channel> allowedChannels(Plan plan) {
        return channelsOf(plan).stream().map(Weighted::value).toList();
    }

    private static List<Weighted<Channel>> channelsOf(Plan plan) {
        return switch (plan) {
            case FREE, PRO -> WEB_AND_CHAT;
            case BUSINESS, ENTERPRISE, EDUCATION, API -> ALL_CHANNELS;
        };
    }

    /** The scenario's own sentences, then neutral ones until the JSON has about {@code bytes} more. */
    private String description(List<String> sentences, List<String> filler, int bytes) {
        StringBuilder text = new StringBuilder(String.join(" ", sentences));
        while (utf8Length(text) < bytes) {
            text.append(random.nextInt(4) == 0 ? "\n" : " ").append(pickFrom(filler));
        }
        return text.toString();
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private <T> T pick(List<Weighted<T>> choices) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        int roll = random.nextInt(total);
        for (Weighted<T> choice : choices) {
            roll -= choice.weight();
            if (roll < 0) {
                return choice.value();
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private String pickFrom(List<String> texts) {
        return texts.get(random.nextInt(texts.size()));
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Weighted<T>(T value, int weight) {
    }

    private record Scenario(Impact impact, Workaround workaround, Category category, String subjectEn,
                            List<String> sentencesEn, String subjectDe, List<String> sentencesDe) {
    }

    /** One submission: which adapter posts it and the JSON it sends. */
    record TicketPost(String externalRef, Plan plan, Channel channel, Impact impact, String locale, String json) {
    }
}
