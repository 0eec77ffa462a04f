package io.supportflow.intake.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import io.supportflow.intake.domain.AccountRequest;
import io.supportflow.intake.security.ApiKeyAuthentication;
import io.supportflow.intake.service.AccountDirectory;
import io.supportflow.intake.service.AccountDirectory.AccountVersion;
import io.supportflow.intake.service.AccountImport;
import io.supportflow.intake.service.ImportReport;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.runtime.problem.ValidationProblems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The account directory, kept by billing or CRM systems with their own API keys: one account at a time, or a
 * file of them for the first load.
 */
@Path("/api/v1")
@HttpAuthenticationMechanism(ApiKeyAuthentication.SCHEME)
@RolesAllowed(ApiKeyAuthentication.BILLING_ROLE)
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final SecurityIdentity identity;
    private final Validator validator;
    private final AccountDirectory directory;
    private final AccountImport accountImport;

    AccountResource(SecurityIdentity identity, Validator validator, AccountDirectory directory,
                    AccountImport accountImport) {
        this.identity = identity;
        this.validator = validator;
        this.directory = directory;
        this.accountImport = accountImport;
    }

    @PUT
    @Path("/accounts/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "State an account", description = "The account's plan (required), region, locale and "
            + "schedule, as billing knows them. A change becomes the account's next version and is published as "
            + "AccountChanged on `accounts`; stating the account as it already is changes nothing. The ETag is the "
            + "account's version.")
    @APIResponse(responseCode = "201", description = "A new account")
    @APIResponse(responseCode = "200", description = "The account changed, or was already so")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or `accountId` in the body "
            + "differs from the path's (problem+json names each field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key is not a billing key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("accountId") String accountId, AccountRequest request, UriInfo uriInfo) {
        AccountVersion stored = directory.put(valid(accountId, request).toAccount(), identity.getPrincipal().getName());
        AccountView view = AccountView.of(stored);
        Response.ResponseBuilder answer = stored.change() == AccountDirectory.Change.CREATED
                ? Response.created(uriInfo.getAbsolutePath()).entity(view)
                : Response.ok(view);
        return answer.tag(new EntityTag(Integer.toString(stored.version()))).build();
    }

    @GET
    @Path("/accounts/{accountId}")
    @Operation(summary = "Look an account up", description = "The account at its newest version.")
    @APIResponse(responseCode = "200", description = "The account; the ETag is its version")
    @APIResponse(responseCode = "404", description = "The directory does not know the account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key is not a billing key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("accountId") String accountId) {
        AccountVersion found = directory.find(accountId).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                "The account '" + accountId + "' is not in the account directory"));
        return Response.ok(AccountView.of(found)).tag(new EntityTag(Integer.toString(found.version()))).build();
    }

    @POST
    @Path("/accounts:import")
    @Consumes({JSON_LINES, CSV})
    @Operation(summary = "Import accounts", description = "A file of accounts, read as it arrives: JSON lines (one "
            + "object per line, fields as for a PUT plus `accountId`) or CSV whose first line names the columns "
            + "(accountId, plan; optionally region, locale, scheduleId). Each good line is applied whole, as by a PUT; "
            + "each bad line changes nothing and is reported with its number and faults. Up to 64 MiB per request.")
    @APIResponse(responseCode = "200", description = "What each line did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "A CSV file whose first line does not name its columns (no line "
            + "was applied), or bytes that are no UTF-8 (the import stopped there; batches of 500 good lines before "
            + "them may have been applied, and resending is safe)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key is not a billing key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than 64 MiB: split it. Sent with a "
            + "Content-Length, nothing was applied; sent without one, the lines read before the limit were (resending "
            + "is safe: a line stating an account as it is changes nothing)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is neither application/x-ndjson nor text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database failed part-way: the detail says up to which line "
            + "the good lines were applied; resending the file is safe", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public ImportReport importAccounts(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type)
            throws IOException {
        AccountImport.Format format = type.isCompatible(MediaType.valueOf(CSV)) ? AccountImport.Format.CSV
                : AccountImport.Format.JSON_LINES;
        // Bytes that are no UTF-8 stop the import where they are, rather than become accounts with mangled ids.
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, utf8))) {
            return accountImport.importFrom(lines, format, identity.getPrincipal().getName());
        }
    }

    /** The account {@code request} states for {@code accountId}, or 400 naming every field at fault. */
    private AccountRequest valid(String accountId, AccountRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The account has invalid fields",
                    List.of(new FieldError("body", "a JSON object is required")));
        }
        if (request.accountId() != null && !request.accountId().equals(accountId)) {
            errors.add(new FieldError("accountId", "must be the path's account id, or left out"));
        }
        errors.addAll(ValidationProblems.fieldErrors(validator.validate(request.withAccountId(accountId))));
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The account has invalid fields", errors);
        }
        return request.withAccountId(accountId);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "A billing system's X-Api-Key header is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthentication.CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Only billing systems keep the account directory, "
                + "with a billing API key");
    }
}
