package dev.tacit.web.operator;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.tacit.batch.TacitJob;
import dev.tacit.batch.operations.JobOperations;
import dev.tacit.batch.operations.JobRun;
import dev.tacit.web.problem.Problem;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator's handle on the batch jobs (README, "Operating the batch jobs"; docs/protocol.md §6): start a job
 * now, list its recent executions with their counts. Only for the operator: web.xml's constraint on
 * {@code /v1/operator/*} wants the role {@code tacit-operator}, which only the operator's credentials give
 * ({@code dev.tacit.web.auth.OperatorAuthentication}). Not part of the clients' API, so not in its OpenAPI document.
 */
@Path("operator/jobs/{job}/executions")
@RequestScoped
public class OperatorJobsResource {

    /** The most job instances one listing reads. */
    static final int MAX_INSTANCES = 100;

    @Inject
    JobOperations jobs;

    /** Starts an execution of {@code job} now: 202 with the execution, which runs on. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response start(@PathParam("job") String job) {
        return TacitJob.byId(job)
                .map(known -> Response.accepted(new StartedExecution(jobs.start(known), known.id())).build())
                .orElseGet(OperatorJobsResource::unknownJob);
    }

    /** The executions of the latest {@code instances} instances of {@code job}, newest first, with their counts. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response list(@PathParam("job") String job, @QueryParam("instances") @DefaultValue("20") String instances) {
        TacitJob known = TacitJob.byId(job).orElse(null);
        if (known == null) {
            return unknownJob();
        }
        int count;
        try {
            count = Integer.parseInt(instances);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_INSTANCES) {
            return Problem.ofType("invalid-operator-request", "Invalid operator request", Response.Status.BAD_REQUEST,
                    "instances must be a whole number from 1 to " + MAX_INSTANCES + ".")
                    .withField("instances").toResponse();
        }
        List<JobRun> executions = jobs.executions(known, count);
        return Response.ok(new Executions(known.id(), executions)).build();
    }

    private static Response unknownJob() {
        return Problem.ofType("unknown-job", "Unknown job", Response.Status.NOT_FOUND,
                "Tacit has no batch job of that name.").toResponse();
    }

    /** The answer to a start: the new execution's id and its job. */
    public record StartedExecution(long executionId, String job) {
    }

    /** The answer to a listing. */
    public record Executions(String job, List<JobRun> executions) {
    }
}
