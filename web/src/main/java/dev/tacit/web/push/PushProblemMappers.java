package dev.tacit.web.push;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tacit.server.push.InvalidPushSubscriptionException;
import dev.tacit.server.push.TooManyPushSubscriptionsException;
import dev.tacit.server.push.UnknownPushSubscriptionException;
import dev.tacit.web.problem.Problem;

/** Problem details for push subscriptions (docs/protocol.md §4.1, §4.21). */
public final class PushProblemMappers {

    private PushProblemMappers() {
    }

    /** 400 {@code invalid-push-subscription}, field {@code endpoint}. */
    @Provider
    public static class InvalidPushSubscription implements ExceptionMapper<InvalidPushSubscriptionException> {
        @Override
        public Response toResponse(InvalidPushSubscriptionException exception) {
            return Problem.ofType("invalid-push-subscription", "Invalid push subscription", Response.Status.BAD_REQUEST,
                    exception.getMessage()).withField("endpoint").toResponse();
        }
    }

    /** 409 {@code too-many-push-subscriptions}. */
    @Provider
    public static class TooManyPushSubscriptions implements ExceptionMapper<TooManyPushSubscriptionsException> {
        @Override
        public Response toResponse(TooManyPushSubscriptionsException exception) {
            return Problem.ofType("too-many-push-subscriptions", "Too many push subscriptions", Response.Status.CONFLICT,
                    exception.getMessage()).toResponse();
        }
    }

    /** 404 {@code unknown-push-subscription}. */
    @Provider
    public static class UnknownPushSubscription implements ExceptionMapper<UnknownPushSubscriptionException> {
        @Override
        public Response toResponse(UnknownPushSubscriptionException exception) {
            return Problem.ofType("unknown-push-subscription", "Unknown push subscription", Response.Status.NOT_FOUND,
                    exception.getMessage()).toResponse();
        }
    }
}
