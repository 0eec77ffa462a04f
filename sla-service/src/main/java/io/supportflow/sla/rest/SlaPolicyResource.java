package io.supportflow.sla.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.security.ForbiddenException;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.sla.service.InvalidPolicyException;
import io.supportflow.sla.service.PolicyVersionConflictException;
import io.supportflow.sla.service.SlaPolicies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The SLA policy, whole and versioned: agents read it, ops change it against the version they read (If-Match),
 * so two people editing at once cannot overwrite each other unseen.
 */
@Path("/api/v1/sla/policy")
@RolesAllowed({"ops", "agent"})
@Produces(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {

    /** If-Match compares strongly: a weak tag never matches, so it is refused like any tag that is no version. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"?(\\d{1,9})\"?");

    private final SlaPolicies policies;

    SlaPolicyResource(SlaPolicies policies) {
        this.policies = policies;
    }

    @GET
    @Operation(summary = "The policy in force", description = "Response targets per plan and priority, warning "
            + "fractions, handling modes and targets, the escalation ladder and entitlements; the ETag is its version.")
    public Response policy() {
        SlaPolicyChanged policy = policies.current().document();
        return Response.ok(policy).tag(tagOf(policy)).build();
    }

    @PUT
    @RolesAllowed("ops")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the policy", description = "The whole policy, as GET returns it (version, changedBy "
            + "and at are ignored), with If-Match naming the version it was made from. It becomes the next version, "
            + "is published on sla.policies, and every open clock is judged again under it at once: due times move, "
            + "new warnings, breaches and retractions follow; verdicts already published stand, each naming the "
            + "version it was reached under. A draft that says what the version in force says makes no new version.")
    @APIResponse(responseCode = "200", description = "The new version; the ETag is its number")
    @APIResponse(responseCode = "400", description = "A cell is missing or invalid (problem+json names each, e.g. "
            + "responseTargets.PRO.P2), or If-Match is no version's ETag (a weak one never matches); nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials (HTTP Basic)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only ops change the policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer in force; nothing "
            + "changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PolicyDraft draft,
                           @Context SecurityContext security) {
        int expected = versionIn(ifMatch);
        if (draft == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "A policy is required",
                    List.of(new FieldError("body", "is required")));
        }
        SlaPolicyChanged inForce = policies.change(draft.asPolicy(), expected, security.getUserPrincipal().getName());
        return Response.ok(inForce).tag(tagOf(inForce)).build();
    }

    private static int versionIn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.PRECONDITION_REQUIRED, "If-Match must name the version the change was made from",
                    List.of(new FieldError("If-Match", "is required, e.g. \"3\" (the ETag of GET)")));
        }
        Matcher version = VERSION_TAG.matcher(ifMatch.strip());
        if (!version.matches()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "If-Match must name one policy version",
                    List.of(new FieldError("If-Match", "must be a version's ETag, e.g. \"3\"")));
        }
        return Integer.parseInt(version.group(1));
    }

    private static EntityTag tagOf(SlaPolicyChanged policy) {
        return new EntityTag(Integer.toString(policy.version()));
    }

    @ServerExceptionMapper
    public Response stale(PolicyVersionConflictException e) {
        return Problem.response(Response.Status.PRECONDITION_FAILED, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidPolicyException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage() + "; nothing changed", e.errors());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Only ops change the SLA policy");
    }

    /**
     * A policy as ops send it: the document without the version, author and time the change gives it. Those three
     * may come along (the document as GET returns it) and are ignored; any other field unknown here is refused.
     */
    @JsonIgnoreProperties({"version", "changedBy", "at"})
    public record PolicyDraft(Map<Plan, Map<Priority, Duration>> responseTargets, List<Double> warningFractions,
                              SlaPolicyChanged.Handling handling, List<SlaPolicyChanged.Escalation> escalations,
                              Map<Plan, List<Channel>> entitlements) {

        SlaPolicyChanged asPolicy() {
            return new SlaPolicyChanged(0, responseTargets, warningFractions, handling, escalations, entitlements,
                    null, null);
        }
    }
}
