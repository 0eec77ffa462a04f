package io.supportflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.supportflow.events.Topics;
import io.supportflow.testing.KafkaBrokerNode;
import io.supportflow.testing.ProcessStack;
import io.supportflow.testing.ServiceProcess;

/**
 * The system scaled out as it runs in production: a three-node Kafka cluster (replication factor 3, two replicas
 * in sync), two instances of every service, each logged in as its own principal under the cluster's ACLs, a
 * channel adapter posting to both intake instances. Faults hit one instance or one broker at a time; after each,
 * every accepted ticket must have been received, decided, notified (one mail) and timed exactly once, no breach
 * raised twice, and every consumer group caught up. The figures of each run go to {@code target/scale-out-report.md}.
 * <p>
 * The short variant (in {@code ./mvnw verify}) posts a ticket every 400 ms, freezes a broker for 20 s and rolls
 * intake's instances only: on two cores every restart under load takes a minute. {@code -Dchaos.full=true}
 * ({@code bin/supportflow chaos --scale}) posts every 100 ms, freezes a broker for 60 s and rolls every service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutFaultSuiteIT {

    private static final boolean FULL = Boolean.getBoolean("chaos.full");
    private static final Duration CUT_OFF = Duration.ofSeconds(FULL ? 60 : 20);
    private static final List<String> ROLLED = FULL ? ProcessStack.SERVICES : List.of("intake-service");

    private static ProcessStack stack;
    private static FaultRun run;

    @BeforeAll
    static void startTheScaledOutSystem() {
        stack = ProcessStack.onSharedPostgresWithKafkaCluster(Path.of("../deploy/kubernetes/strimzi-users.yaml"), 3);
        stack.start(Map.of("SUPPORTFLOW_NOTIFICATION_OPS_ADDRESSES", "ops@supportflow.test"));
        stack.startAnotherInstanceOfEach();
        run = new FaultRun(stack, Duration.ofMillis(FULL ? 100 : 400));
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
        if (run != null) {
            run.writeReport("scale-out-report.md");
        }
    }

    @Test
    @Order(0)
    void everyTopicHasThreeReplicasOfWhichTwoMustHaveAWrite() throws Exception {
        try (Admin admin = stack.broker().admin()) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
            assertThat(names).contains("__consumer_offsets").containsAll(Topics.ALL)
                    .containsAll(Topics.ALL.stream().map(Topics::deadLetter).toList());
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions())
                    .allSatisfy(partition -> assertThat(partition.replicas()).as(topic.name()).hasSize(3)));
            List<ConfigResource> resources = names.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            assertThat(admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS).values())
                    .allSatisfy(config -> assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                            .isEqualTo("2"));
        }
    }

    @Test
    @Order(1)
    void killingOneInstanceOfEachServiceLosesNothingWhileTheOtherCarriesOn() {
        run.underLoad("kill -9 of one instance of each service; the other carries on, then it restarts", "5 kills",
                load -> {
                    List<ServiceProcess> killed = ProcessStack.SERVICES.stream()
                            .map(name -> stack.instances(name).get(1)).toList();
                    for (ServiceProcess instance : killed) {
                        instance.stop(true);
                        FaultRun.awaitMore(load::attempts, 6);
                    }
                    killed.forEach(ServiceProcess::start);
                    killed.forEach(instance -> instance.awaitReady(FaultRun.RESTART));
                });
    }

    @Test
    @Order(2)
    void killingThePartitionLeadersBrokerLosesNothing() {
        run.underLoad("kill -9 of the broker leading tickets.received-0, then restart", "1 broker kill", load -> {
            KafkaBrokerNode leader = stack.broker().leaderOf(Topics.TICKETS_RECEIVED, 0);
            leader.stop(true);
            // Accepted, not only posted: the cluster takes tickets for every partition while one node is dead.
            FaultRun.awaitMore(() -> load.accepted().size(), 12);
            stack.broker().start();
        });
    }

    @Test
    @Order(3)
    void aBrokerCutOffLosesNothing() {
        Duration[] frozen = new Duration[1];
        run.underLoad("broker leading tickets.priority-0 frozen (SIGSTOP), then let go (SIGCONT)",
                () -> "1 broker cut off for " + frozen[0].toSeconds() + " s", load -> {
                    KafkaBrokerNode leader = stack.broker().leaderOf(Topics.TICKETS_PRIORITY, 0);
                    Instant pausedAt = Instant.now();
                    leader.pause();
                    try {
                        // The fault is a length of time: the load runs on against the rest of the cluster meanwhile.
                        Awaitility.await("the broker cut off for " + CUT_OFF.toSeconds() + " s")
                                .atMost(CUT_OFF.plusSeconds(10)).pollInterval(Duration.ofMillis(200))
                                .until(() -> Duration.between(pausedAt, Instant.now()).compareTo(CUT_OFF) >= 0);
                    } finally {
                        leader.resume();
                        frozen[0] = Duration.between(pausedAt, Instant.now());
                    }
                    stack.broker().start();
                });
    }

    @Test
    @Order(4)
    void aRollingRestartLosesNothing() {
        run.underLoad("rolling restart of " + String.join(", ", ROLLED) + ": each instance stopped (SIGTERM) and "
                + "started in turn", ROLLED.size() * 2 + " restarts", load -> ROLLED.stream()
                .flatMap(name -> stack.instances(name).stream())
                .forEach(instance -> {
                    instance.stop(false);
                    instance.start().awaitReady(FaultRun.RESTART);
                }));
    }
}
