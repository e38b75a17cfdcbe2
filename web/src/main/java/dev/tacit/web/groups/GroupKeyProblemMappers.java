package dev.tacit.web.groups;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tacit.server.accounts.GroupKeyChainFullException;
import dev.tacit.server.accounts.GroupKeyEpochStaleException;
import dev.tacit.server.accounts.GroupKeyUpdatesRefusedException;
import dev.tacit.server.accounts.InvalidGroupKeyRequestException;
import dev.tacit.server.accounts.InvalidGroupKeyUpdateException;
import dev.tacit.web.problem.GroupKeyProblem;
import dev.tacit.web.problem.Problem;

/** Problem details for the group-key endpoints (docs/protocol.md §4.29, §4.30). */
public final class GroupKeyProblemMappers {

    private GroupKeyProblemMappers() {
    }

    /** 400 {@code group-key-request-invalid}, naming the member at fault. */
    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidGroupKeyRequestException> {
        @Override
        public Response toResponse(InvalidGroupKeyRequestException exception) {
            return Problem.ofType("group-key-request-invalid", "Invalid group key request", Response.Status.BAD_REQUEST,
                    exception.getMessage()).withField(exception.field()).toResponse();
        }
    }

    /** 400 {@code group-key-update-invalid}, naming the update by its index. */
    @Provider
    public static class InvalidUpdate implements ExceptionMapper<InvalidGroupKeyUpdateException> {
        @Override
        public Response toResponse(InvalidGroupKeyUpdateException exception) {
            return GroupKeyProblem.of("group-key-update-invalid", "Invalid group key update", Response.Status.BAD_REQUEST,
                    exception.getMessage(), "updates", exception.index(), null).toResponse();
        }
    }

    /** 409 {@code group-key-epoch-stale}, with the current epoch. */
    @Provider
    public static class EpochStale implements ExceptionMapper<GroupKeyEpochStaleException> {
        @Override
        public Response toResponse(GroupKeyEpochStaleException exception) {
            return GroupKeyProblem.of("group-key-epoch-stale", "Group key epoch stale", Response.Status.CONFLICT,
                    exception.getMessage(), "fromEpoch", null, exception.currentEpoch()).toResponse();
        }
    }

    /** 409 {@code group-key-chain-full}. */
    @Provider
    public static class ChainFull implements ExceptionMapper<GroupKeyChainFullException> {
        @Override
        public Response toResponse(GroupKeyChainFullException exception) {
            return Problem.ofType("group-key-chain-full", "Group key chain full", Response.Status.CONFLICT,
                    exception.getMessage()).toResponse();
        }
    }

    /** 400 {@code group-key-updates-refused}: one answer whatever was wrong. */
    @Provider
    public static class UpdatesRefused implements ExceptionMapper<GroupKeyUpdatesRefusedException> {
        @Override
        public Response toResponse(GroupKeyUpdatesRefusedException exception) {
            return Problem.ofType("group-key-updates-refused", "Group key updates refused", Response.Status.BAD_REQUEST,
                    exception.getMessage()).toResponse();
        }
    }
}
