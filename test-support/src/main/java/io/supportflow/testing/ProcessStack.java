package io.supportflow.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The whole system as it runs in production: a real Kafka broker, a real SMTP server, a fresh
 * PostgreSQL database per service and the five packaged services as separate processes. The
 * databases live on the shared local server, or on a {@link PostgresServer} of the stack's own
 * when a test must restart PostgreSQL.
 */
public final class ProcessStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of(
            "intake-service", "triage-service", "sla-service", "notification-service", "survey-service");

    private final KafkaBroker broker;
    private final Optional<Path> kafkaUsers;
    private KafkaPrincipals principals;
    private final MailServer mail = new MailServer();
    private final Map<String, TestDatabase> databases = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, List<ServiceProcess>> moreInstances = new LinkedHashMap<>();
    private final String consoleSessionKey = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final Optional<PostgresServer> postgres;

    private ProcessStack(Optional<PostgresServer> postgres, Optional<Path> kafkaUsers, int kafkaNodes) {
        this.postgres = postgres;
        this.kafkaUsers = kafkaUsers;
        this.broker = KafkaBroker.cluster(kafkaNodes, kafkaUsers.isPresent());
    }

    private ProcessStack(Optional<PostgresServer> postgres, Optional<Path> kafkaUsers) {
        this(postgres, kafkaUsers, 1);
    }

    /** The services' databases on the shared local PostgreSQL server. */
    public static ProcessStack onSharedPostgres() {
        return new ProcessStack(Optional.empty(), Optional.empty());
    }

    /** The services' databases on a PostgreSQL server of the stack's own, which {@link #postgres()} may restart. */
    public static ProcessStack onOwnPostgres() {
        return new ProcessStack(Optional.of(new PostgresServer()), Optional.empty());
    }

    /**
     * As {@link #onSharedPostgres()}, on a broker that enforces ACLs: the users of {@code strimziUsers} (a Strimzi
     * KafkaUser file) are made on it, and each service logs in as the user of its name, as on the cluster.
     * {@link #broker()}'s open listener stays a super user's, for the tests' own readers and writers.
     */
    public static ProcessStack onSharedPostgresWithKafkaAcls(Path strimziUsers) {
        return new ProcessStack(Optional.empty(), Optional.of(strimziUsers));
    }

    /**
     * As {@link #onSharedPostgresWithKafkaAcls}, on a cluster of {@code kafkaNodes} Kafka nodes (replication factor
     * 3 and two replicas in sync from three nodes on): the stack as it runs when scaled out.
     */
    public static ProcessStack onSharedPostgresWithKafkaCluster(Path strimziUsers, int kafkaNodes) {
        return new ProcessStack(Optional.empty(), Optional.of(strimziUsers), kafkaNodes);
    }

    /** Starts everything and waits until every service reports ready. */
    public ProcessStack start(Map<String, String> extraEnvironment) {
        return start(SERVICES, extraEnvironment);
    }

    /**
     * Starts the broker, the mail server and only the named services (of {@link #SERVICES}), and waits until they
     * report ready: for a test of one service's instances among themselves.
     */
    public ProcessStack start(List<String> only, Map<String, String> extraEnvironment) {
        postgres.ifPresent(PostgresServer::start);
        broker.start();
        kafkaUsers.ifPresent(users -> principals = KafkaPrincipals.createFrom(users, broker));
        mail.start();
        for (String service : SERVICES.stream().filter(only::contains).toList()) {
            services.put(service, new ServiceProcess(service, environmentOf(service, extraEnvironment)));
        }
        ServiceProcess survey = services.get("survey-service");
        if (survey != null) {
            survey.withEnvironment("SUPPORTFLOW_SURVEY_BASE_URL", survey.baseUrl());
        }
        services.values().forEach(ServiceProcess::start);
        services.values().forEach(process -> process.awaitReady(Duration.ofSeconds(240)));
        return this;
    }

    /**
     * Starts another instance of a started service, sharing its database, consumer groups and topics (the
     * partitions are shared out between the instances), and waits until it is ready; stopped with the stack.
     */
    public ServiceProcess startAnotherInstance(String service) {
        return addInstance(service).start().awaitReady(Duration.ofSeconds(240));
    }

    /** Starts another instance of every started service at once, as {@link #startAnotherInstance}, and waits for all. */
    public ProcessStack startAnotherInstanceOfEach() {
        List<ServiceProcess> started = services.keySet().stream().map(this::addInstance).map(ServiceProcess::start)
                .toList();
        started.forEach(process -> process.awaitReady(Duration.ofSeconds(240)));
        return this;
    }

    private ServiceProcess addInstance(String service) {
        ServiceProcess another = services.get(service).anotherInstance();
        moreInstances.computeIfAbsent(service, name -> new ArrayList<>()).add(another);
        return another;
    }

    /** Every instance of {@code service}: the first one started, then the others in the order they were added. */
    public List<ServiceProcess> instances(String service) {
        List<ServiceProcess> all = new ArrayList<>(List.of(services.get(service)));
        all.addAll(moreInstances.getOrDefault(service, List.of()));
        return all;
    }

    private Map<String, String> environmentOf(String service, Map<String, String> extra) {
        String prefix = service.replace("-service", "");
        TestDatabase database = postgres.map(server -> TestDatabase.create(server, prefix))
                .orElseGet(() -> TestDatabase.create(prefix));
        databases.put(service, database);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30s");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(mail.port()));
        // Else sla-service makes a temporary key for its console sessions and logs it.
        env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", consoleSessionKey);
        if (principals != null) {
            env.putAll(principals.clientEnvironment(service));
        }
        env.putAll(extra);
        return env;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public MailServer mail() {
        return mail;
    }

    /** The stack's own PostgreSQL server; only on a stack made by {@link #onOwnPostgres()}. */
    public PostgresServer postgres() {
        return postgres.orElseThrow(() -> new IllegalStateException("This stack's databases are on the shared server"));
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** The JDBC URL of the service's own database. */
    public String databaseUrl(String service) {
        return databases.get(service).jdbcUrl();
    }

    public String url(String service) {
        return services.get(service).baseUrl();
    }

    @Override
    public void close() {
        // All at once: each instance takes seconds to leave its consumer groups; one after another, ten took a minute.
        List<Future<?>> stopped;
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            stopped = Stream.concat(services.values().stream(), moreInstances.values().stream().flatMap(List::stream))
                    .<Future<?>>map(instance -> stopping.submit(instance::close)).toList();
        }
        mail.close();
        broker.close();
        if (postgres.isPresent()) {
            postgres.get().close();
        } else {
            databases.values().forEach(TestDatabase::close);
        }
        stopped.stream().filter(stop -> stop.state() == Future.State.FAILED).findFirst().ifPresent(stop -> {
            throw new IllegalStateException("An instance could not be stopped", stop.exceptionNow());
        });
    }
}
