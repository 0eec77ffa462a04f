# One image for any SupportFlow service, made from the aot-jar Maven has already built:
#
#   ./mvnw -B package -DskipTests
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=intake-service -t supportflow/intake-service .
#
# The build context is the repository root (see .dockerignore: only */target/quarkus-app and
# docker/ are sent). docker-compose.yml builds all five services this way.
FROM eclipse-temurin:25-jre

# The Maven module to package: intake-service, triage-service, sla-service,
# notification-service or survey-service.
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "Set the build argument SERVICE, e.g. --build-arg SERVICE=intake-service" >&2; exit 1; }

ENV LANG=C.UTF-8 \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+UseCompactObjectHeaders -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

RUN useradd --system --uid 185 --gid 0 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin supportflow \
    && mkdir -p /deployments && chown 185:0 /deployments

COPY docker/healthcheck.sh /usr/local/bin/supportflow-healthcheck
RUN chmod 0755 /usr/local/bin/supportflow-healthcheck

# The aot-jar layout (the fast-jar's folders, all on the class path), dependencies first: they change least often,
# so that layer is reused most. The image carries no AOT cache: one is trained per build (bin/supportflow train)
# and only valid for the exact jars and JDK it was trained with.
COPY --chown=185:0 ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:0 ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185:0 ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:0 ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/

WORKDIR /deployments
USER 185

# Ready means: database migrated, Kafka reachable (GET /q/health/ready on QUARKUS_HTTP_PORT).
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=6 CMD ["/usr/local/bin/supportflow-healthcheck"]

ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
