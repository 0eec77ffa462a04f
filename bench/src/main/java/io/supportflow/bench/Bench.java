package io.supportflow.bench;

import io.supportflow.events.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code bin/supportflow bench [pipeline|sla-scale|sla-policy-change] [options]}: see {@link #USAGE}. */
public final class Bench {

    static final String USAGE = """
            Usage: bin/supportflow bench [pipeline] [options]      tickets over HTTP through the running stack
                   bin/supportflow bench sla-scale [options]       open SLA clocks at scale (only sla-service up)
                   bin/supportflow bench sla-policy-change [options]
                                                                   open clocks judged again after an SLA policy change
                                                                   (only sla-service up)

            pipeline options:
              --rate N               open loop at N tickets/s (latency from each request's due time); 0 = flat out [0]
              --duration 60s         how long to send (measured)                       --drain 120s   wait for the rest
              --warmup 30s           the same load first, not measured (JIT, pools); 0 skips it
              --concurrency 64       requests in flight when flat out                  --max-in-flight 1024 at a rate
              --ceiling-records N    ProducerPerformance records for the broker ceiling; 0 skips it [300000]
              --profile              JFR on every service during the run, summarised in the report
              --seed 42              the ticket mix's seed
            sla-scale options:
              --clocks 1000000       clocks to open through Kafka                      --window 120s  due times spread over
              --background-clocks N  more open clocks written straight into sla_clock, due after the run
                                     (full table scale without hours of seeding; removed at the end) [0]
              --lead S               seconds from seeding to the first due time [60 + clocks/1000]
              --drain 120s           wait after the window for late breaches           --target 24h   P3 target (default policy)
              --allow-other-services seed even though triage/notification/intake/survey run (they will mail every ticket)
              --handling             every ticket PRO with a PriorityAssigned P1, so it has a handling clock too, and
                                     --target is the PRO P1 response target [1h]: start sla-service with the handling
                                     target, SUPPORTFLOW_SLA_HANDLING_TARGETS_PRO_P1=1h [lead 60 + clocks/500]
              --handling-target D    with --handling, that handling target [--target]. Equal to --target, both clocks
                                     of a ticket fall due together (twice the breaches per second); longer, each
                                     handling clock falls due D - target after its response clock. E.g. --target 1h
                                     --handling-target 65m --window 300s: response due times over [lead, lead+300 s],
                                     handling ones over [lead+300 s, lead+600 s], two consecutive windows each at the
                                     rate without handling; start sla-service with
                                     SUPPORTFLOW_SLA_HANDLING_TARGETS_PRO_P1=65m. Never shorter than --target
              Afterwards 'bin/supportflow down --purge': the seeded tickets stay on tickets.received, and the
              other services would process (and mail) them all the next time they start.
            sla-policy-change options (issue 20: 100,000 open clocks recomputed within 10 s of a policy change):
              --clocks 100000        clocks to open through Kafka, received now, due hours later
              --plan PRO             the seeded tickets' plan
              --priority P2          their priority, decided at receipt (so a handling clock too); none: no
                                     PriorityAssigned, the clock runs on the plan's P3 target
              --due-in D             the new response target of that plan and priority: when the seeded clocks fall
                                     due after the change [half the target in force: PRO P2 4h → 2h]
              --timeout 120s         how long after the PUT to wait for every clock to be judged again
              --ops-user ops         --ops-password ops-dev-password   who changes the policy
              --allow-other-services seed even though triage/notification/intake/survey run
              The PUT rings every open clock's alarm; the benchmark polls sla's database every 100 ms until none is
              left at or before the change and every seeded clock is due on the new target. Afterwards it removes
              the seeded clocks and puts the policy back (one version more); 'bin/supportflow down --purge' as above.
            all: --intake-url URL, --sla-url URL, --bootstrap-servers HOST:PORT, --home DIR,
                 --out DIR (default bench-results/<time>-<mode>)
            Addresses default to SUPPORTFLOW_INTAKE_PORT, SUPPORTFLOW_SLA_PORT, SUPPORTFLOW_KAFKA_PORT, SUPPORTFLOW_PG_*
            as for bin/supportflow.
            """;

    private static final Set<String> FLAGS = Set.of("profile", "allow-other-services", "handling", "help");

    private Bench() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String mode = "pipeline";
        if (!arguments.isEmpty() && !arguments.get(0).startsWith("--")) {
            mode = arguments.get(0);
            arguments = arguments.subList(1, arguments.size());
        }
        try {
            Options options = Options.parse(arguments, FLAGS, System.getenv());
            if (options.flag("help")) {
                System.out.print(USAGE);
                return;
            }
            String command = "bin/supportflow bench " + String.join(" ", args);
            Stack stack = Stack.from(options);
            switch (mode) {
                case "pipeline" -> pipeline(options, stack, command);
                case "sla-scale" -> slaScale(options, stack, command);
                case "sla-policy-change" -> slaPolicyChange(options, stack, command);
                default -> throw new IllegalArgumentException("unknown mode '" + mode
                        + "' (pipeline, sla-scale or sla-policy-change)");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void pipeline(Options options, Stack stack, String command) throws Exception {
        long rate = options.number("rate", 0);
        PipelineBench.Settings settings = new PipelineBench.Settings(rate,
                (int) options.number("concurrency", 64), (int) options.number("max-in-flight", 1024),
                options.duration("warmup", Duration.ofSeconds(30)), options.duration("duration", Duration.ofSeconds(60)), options.duration("drain", Duration.ofSeconds(120)),
                options.number("seed", 42), options.number("ceiling-records", 300_000),
                Integer.parseInt(options.env("SUPPORTFLOW_KAFKA_PARTITIONS", "6")), options.flag("profile"),
                Map.of(Channel.WEB, options.env("SUPPORTFLOW_INTAKE_API_KEYS_WEB", "dev-web-key"),
                        Channel.CHAT, options.env("SUPPORTFLOW_INTAKE_API_KEYS_CHAT", "dev-chat-key"),
                        Channel.PHONE, options.env("SUPPORTFLOW_INTAKE_API_KEYS_PHONE", "dev-phone-key")),
                options.env("SUPPORTFLOW_INTAKE_BILLING_KEYS_BILLING", "dev-billing-key"));
        Path out = outputDirectory(options, stack, rate > 0 ? "rate" + rate : "flat-out");
        PipelineResult result = new PipelineBench(stack, settings, out).run();
        writeResults(out, result, Reports.pipelineMarkdown(result, command));
    }

    private static void slaScale(Options options, Stack stack, String command) throws Exception {
        int clocks = (int) options.number("clocks", 1_000_000);
        boolean handling = options.flag("handling");
        if (!handling && options.text("handling-target", null) != null) {
            throw new IllegalArgumentException("--handling-target needs --handling (only handling clocks run on it)");
        }
        Duration target = options.duration("target", handling ? Duration.ofHours(1) : Duration.ofHours(24));
        // With handling clocks sla-service consumes a priority decision per ticket as well: twice the records.
        SlaScale.Settings settings = new SlaScale.Settings(clocks, (int) options.number("background-clocks", 0),
                options.duration("window", Duration.ofSeconds(120)),
                options.duration("lead", Duration.ofSeconds(60 + clocks / (handling ? 500 : 1000))),
                options.duration("drain", Duration.ofSeconds(120)), target,
                options.duration("handling-target", target), options.flag("allow-other-services"), handling);
        Path out = outputDirectory(options, stack, "sla-scale-" + clocks + (handling ? "-handling" : ""));
        SlaScaleResult result = new SlaScale(stack, settings).run();
        writeResults(out, result, result.markdown(command));
    }

    private static void slaPolicyChange(Options options, Stack stack, String command) throws Exception {
        SlaPolicyChange.Settings settings = SlaPolicyChange.Settings.from(options);
        Path out = outputDirectory(options, stack, "sla-policy-change-" + settings.clocks());
        SlaPolicyChangeResult result = new SlaPolicyChange(stack, settings).run();
        writeResults(out, result, result.markdown(command));
    }

    /** results.json and results.md in {@code out}, and the markdown on the console. */
    private static void writeResults(Path out, Object result, String markdown) throws java.io.IOException {
        Reports.writeJson(result, out.resolve("results.json"));
        Reports.writeText(markdown, out.resolve("results.md"));
        System.out.println();
        System.out.println(markdown);
        System.out.println("Results in " + out);
    }

    private static Path outputDirectory(Options options, Stack stack, String mode) throws java.io.IOException {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = Path.of(options.text("out", stack.home().resolve("bench-results").resolve(stamp + "-" + mode).toString()));
        return Files.createDirectories(out);
    }
}
