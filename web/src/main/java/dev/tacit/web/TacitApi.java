package dev.tacit.web;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import dev.tacit.web.accounts.AccountExceptionMappers;
import dev.tacit.web.accounts.AccountResource;
import dev.tacit.web.accounts.OwnAccountResource;
import dev.tacit.web.bulk.BulkSenderProblemMappers;
import dev.tacit.web.bulk.BulkSenderResource;
import dev.tacit.web.discovery.DiscoveryProblemMappers;
import dev.tacit.web.discovery.DiscoveryResource;
import dev.tacit.web.discovery.DiscoveryTokensResource;
import dev.tacit.web.groups.GroupKeyProblemMappers;
import dev.tacit.web.groups.GroupKeyUpdatesResource;
import dev.tacit.web.identity.CertificateAuthorityResource;
import dev.tacit.web.instance.ServerResource;
import dev.tacit.web.messages.HeldTokenResource;
import dev.tacit.web.messages.MailboxEventsResource;
import dev.tacit.web.push.PushProblemMappers;
import dev.tacit.web.push.PushSubscriptionsResource;
import dev.tacit.web.reputation.ReputationProblemMappers;
import dev.tacit.web.reputation.ReputationTokensResource;
import dev.tacit.web.reputation.StampKeysResource;
import dev.tacit.web.messages.MailboxResource;
import dev.tacit.web.messages.MessagesResource;
import dev.tacit.web.messages.MessagingProblemMappers;
import dev.tacit.web.messages.TokenStateResource;
import dev.tacit.web.operator.OperatorBulkSendersResource;
import dev.tacit.web.operator.OperatorJobsResource;
import dev.tacit.web.problem.ConstraintViolationExceptionMapper;
import dev.tacit.web.problem.UnexpectedExceptionMapper;
import dev.tacit.web.problem.UnreadableBodyExceptionMapper;
import dev.tacit.web.problem.WebApplicationExceptionMapper;
import dev.tacit.web.verification.VerificationProblemMappers;
import dev.tacit.web.verification.VerificationResource;

/**
 * The HTTP API, version 1, at {@code /v1}. Its resources and providers are listed here, so what the API
 * serves is visible in one place.
 */
@ApplicationPath("/v1")
public class TacitApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ServerResource.class, CertificateAuthorityResource.class, VerificationResource.class,
                SharedJsonb.class,
                AccountResource.class, OwnAccountResource.class,
                MessagesResource.class, MailboxResource.class, HeldTokenResource.class, TokenStateResource.class,
                MessagingProblemMappers.InvalidMessageRequest.class, MessagingProblemMappers.InvalidToken.class,
                MessagingProblemMappers.InvalidReplySignature.class, MessagingProblemMappers.MessageTooLarge.class,
                MessagingProblemMappers.UnknownRecipient.class, MessagingProblemMappers.UnknownMessage.class,
                MessagingProblemMappers.UnknownTokenHandle.class, MessagingProblemMappers.TokenSpent.class,
                MessagingProblemMappers.TokenNotRefreshable.class, MessagingProblemMappers.ReplyReplayed.class,
                MailboxEventsResource.class, MessagingProblemMappers.TooManyStreams.class,
                PushSubscriptionsResource.class, PushProblemMappers.InvalidPushSubscription.class,
                PushProblemMappers.TooManyPushSubscriptions.class, PushProblemMappers.UnknownPushSubscription.class,
                AccountExceptionMappers.InvalidAccountRequest.class, AccountExceptionMappers.VerificationAlreadyUsed.class,
                AccountExceptionMappers.RegistrationLocked.class,
                WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class,
                ConstraintViolationExceptionMapper.class, UnreadableBodyExceptionMapper.class,
                VerificationProblemMappers.InvalidPhoneNumber.class, VerificationProblemMappers.WrongVerificationCode.class,
                VerificationProblemMappers.RateLimited.class, VerificationProblemMappers.SmsDeliveryFailed.class,
                VerificationProblemMappers.InvalidVerificationToken.class,
                VerificationProblemMappers.ExpiredVerificationToken.class,
                VerificationProblemMappers.InvalidSendProof.class, VerificationProblemMappers.ExpiredSendProof.class,
                DiscoveryResource.class, DiscoveryTokensResource.class,
                DiscoveryProblemMappers.InvalidDiscoveryRequest.class, DiscoveryProblemMappers.TokenAlreadySpent.class,
                DiscoveryProblemMappers.AllowanceSpent.class,
                StampKeysResource.class, ReputationTokensResource.class,
                ReputationProblemMappers.InvalidReputationRequest.class, ReputationProblemMappers.StampAlreadySpent.class,
                ReputationProblemMappers.CapReached.class,
                OperatorJobsResource.class,
                GroupKeyUpdatesResource.class, GroupKeyProblemMappers.InvalidRequest.class,
                GroupKeyProblemMappers.InvalidUpdate.class, GroupKeyProblemMappers.EpochStale.class,
                GroupKeyProblemMappers.ChainFull.class, GroupKeyProblemMappers.UpdatesRefused.class,
                BulkSenderResource.class, BulkSenderProblemMappers.Refused.class,
                BulkSenderProblemMappers.AllowanceSpent.class, OperatorBulkSendersResource.class);
    }
}
