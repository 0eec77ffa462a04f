package io.supportflow.intake.rest;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import io.supportflow.events.Channel;
import io.supportflow.intake.domain.TicketRequest;
import io.supportflow.intake.security.ApiKeyAuthentication;
import io.supportflow.intake.service.Entrance;
import io.supportflow.intake.service.SubmissionChecks;
import io.supportflow.intake.service.SubmissionOutcome;
import io.supportflow.intake.service.TicketSubmissions;
import io.supportflow.runtime.problem.Problem;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Where channel adapters post tickets. The answers come in a fixed order: 401 (no valid key), 429 (the key's
 * allowance is used up), 403 (another channel claimed), 400 (invalid fields); then, when the ticket is about to be
 * stored, 422 (an account the channel may not take unknown) and 403 (the account's plan lacks the channel).
 */
@Path("/api/v1/tickets")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = ApiKeyAuthentication.HEADER, description = "One key per channel adapter (WEB, CHAT, PHONE)")
public class TicketResource {

    private final SecurityIdentity identity;
    private final RequestLimiter limiter;
    private final SubmissionChecks checks;
    private final TicketSubmissions submissions;

    TicketResource(SecurityIdentity identity, RequestLimiter limiter, SubmissionChecks checks,
                   TicketSubmissions submissions) {
        this.identity = identity;
        this.limiter = limiter;
        this.checks = checks;
        this.submissions = submissions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Submit a ticket", description = "Answers 202 once the broker has acknowledged TicketReceived. "
            + "The channel is the API key's; a `channel` field must agree with it. A retry with the same "
            + "Idempotency-Key (or, without one, the same externalRef) returns the same ticket. An optional "
            + "`submittedAt` (ISO-8601 instant) is when the customer made contact; it must lie within the configured "
            + "skew ahead of and age behind the ticket's receipt. The ticket runs on its account's plan (account "
            + "directory); a differing `plan` is recorded as the ticket's `claimedPlan`, and `plan` may be left out.")
    @APIResponse(responseCode = "202", description = "Accepted and published; Location points to the ticket view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TicketAccepted.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (a `submittedAt` in the future "
            + "or too old among them), or the body is not JSON (problem+json names each field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The account's plan does not include this channel, or the "
            + "`channel` field claims another channel than the API key's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The account is not in the account directory and this channel "
            + "takes tickets of known accounts only (problem+json names `customer.accountId`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The key was used before for a different submission",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The API key has used up its request allowance; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Not stored (intake is behind or its database is away), "
            + "or stored but not yet acknowledged by the broker: retry with the same key after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @HttpAuthenticationMechanism(ApiKeyAuthentication.SCHEME)
    @RolesAllowed(ApiKeyAuthentication.ROLE)
    public CompletionStage<Response> submit(
            @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; defaults to externalRef")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            TicketRequest request, UriInfo uriInfo) {
        Channel channel = ApiKeyAuthentication.channelOf(identity);
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        URI tickets = uriInfo.getBaseUriBuilder().path("api/v1/tickets/").build();
        return onThisRequestsContext(limiter.admit(channel).thenCompose(admitted -> submissions.submit(
                checks.check(channel, Entrance.HTTP, request, idempotencyKey), trace))).thenApply(outcome -> Response.accepted(accepted(outcome, request.customer()))
                        .location(tickets.resolve(outcome.ticketId()))
                        .build());
    }

    private static TicketAccepted accepted(SubmissionOutcome outcome, TicketRequest.CustomerRequest customer) {
        return new TicketAccepted(outcome.ticketId(), outcome.reference(), "RECEIVED", customer.writtenLocale(),
                customer.notices());
    }

    /** Without a valid key the endpoint answers with a problem, not the bare 401 of a challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "A valid X-Api-Key header is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthentication.CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Only channel adapters post tickets, with their channel's "
                + "API key");
    }

    /**
     * The submission completes on intake's writer or relay thread: the answer is written from this
     * request's own event loop instead, so those threads go straight back to their work.
     */
    private static <T> CompletionStage<T> onThisRequestsContext(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return stage;
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> context.runOnContext(ignored -> {
            if (failure == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        }));
        return answer;
    }
}
