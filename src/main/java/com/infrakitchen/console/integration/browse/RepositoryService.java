package com.infrakitchen.console.integration.browse;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.audit.AuditOutcome;
import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.StoredCredentialService;
import com.infrakitchen.console.integration.StoredCredentials;
import com.infrakitchen.console.integration.browse.RepositoryListing.BranchList;
import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.browse.RepositoryListing.ProjectPage;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckThrottle;
import com.infrakitchen.console.integration.check.SecretRedaction;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.secret.SecretUnreadableException;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.Roles;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * The Repositories tab (docs/product.md 7): one page of what an integration's stored credential can see, read with
 * that credential when the user asks for it. Open to viewers (product.md 2): the credential is opened through
 * {@link StoredCredentialService#useStoredCredential}, used on a thread of its own and wiped there; only value records
 * come back. Each load calls the provider, so it takes a slot of Test Connection's per-user limits ({@link
 * CheckThrottle}; refused loads send nothing), and each is in the audit trail.
 */
@Service
public class RepositoryService {

    private static final Logger log = LoggerFactory.getLogger(RepositoryService.class);

    private final Listers listers;
    private final IntegrationService integrations;
    private final StoredCredentialService storedCredentials;
    private final CheckThrottle throttle;
    private final AuditTrail audit;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("repository-listing-", 0).factory());
    private final Set<Cancellation> inFlight = ConcurrentHashMap.newKeySet();

    RepositoryService(List<RepositoryLister<?>> listers, IntegrationService integrations,
            StoredCredentialService storedCredentials, CheckThrottle throttle,
            AuditTrail audit) {
        this.listers = new Listers(listers);
        this.integrations = integrations;
        this.storedCredentials = storedCredentials;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Starts loading one page of {@code integrationId}'s projects and repositories: the first when {@code
     * continuation} is null, else the one after the page that returned it. The future completes with the page or
     * the failure, never exceptionally; cancelling it stops the requests in flight.
     *
     * @throws NoSuchElementException when there is no such integration
     */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public CompletableFuture<RepositoryListing> page(UUID integrationId, @Nullable String continuation) {
        IntegrationDetail detail = integrations.get(integrationId).orElseThrow(() -> new NoSuchElementException(
                "No integration " + integrationId));
        AuditTrail.Actor actor = audit.currentActor();
        Target target = Target.integration(integrationId, detail.data().name());
        String organization = detail.data().organization();
        String key = "repositories:" + integrationId + ":" + CurrentUser.username();
        var refusal = throttle.acquire(CurrentUser.username(), key);
        if (refusal.isPresent()) {
            ListingFailure refused = new ListingFailure(refusal.get(), organization, refusal.get()
                    == CheckCategory.TEST_ALREADY_RUNNING ? "This list is already loading for you (another tab?)."
                    : "Loading the list calls Azure DevOps and counts as a test.", null, 0);
            record(actor, target, AuditOutcome.DENIED, continuation, refused);
            return CompletableFuture.completedFuture(refused);
        }
        Cancellation cancellation = new Cancellation();
        CompletableFuture<RepositoryListing> result = new CompletableFuture<>();
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                cancellation.cancel();
            }
        });
        inFlight.add(cancellation);
        Runnable work = new DelegatingSecurityContextRunnable(() -> {
            RepositoryListing listing;
            try {
                listing = storedCredentials.useStoredCredential(integrationId,
                        stored -> listWith(stored, continuation, cancellation))
                        .orElseGet(() -> failure(CheckCategory.INTERNAL_ERROR, organization,
                                "The integration was deleted."));
            } catch (RuntimeException e) {
                log.error("Listing the repositories of {} failed inside the console", integrationId, e);
                listing = failure(CheckCategory.INTERNAL_ERROR, organization, "See the server log.");
            } finally {
                throttle.release(key);
                inFlight.remove(cancellation);
            }
            if (cancellation.isCancelled()) {
                listing = failure(CheckCategory.CANCELLED, organization, "Cancelled.");
            }
            record(actor, target, outcome(listing), continuation, listing);
            result.complete(listing);
        });
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            // the application is stopping
            throttle.release(key);
            inFlight.remove(cancellation);
            result.complete(failure(CheckCategory.CANCELLED, organization, "The console is stopping."));
        }
        return result;
    }

    private RepositoryListing listWith(StoredCredentials stored, @Nullable String continuation,
            Cancellation cancellation) {
        if (stored.unreadable() != null) {
            return failure(stored.unreadable().reason() == SecretUnreadableException.Reason.NOT_FOR_THIS_PLACE
                    ? CheckCategory.SECRET_NOT_FOR_THIS_INTEGRATION : CheckCategory.SECRET_UNREADABLE,
                    stored.organization(), "Nothing was sent.");
        }
        Listers.Bound lister = listers.bind(stored.provider(), stored.credential()).orElseThrow(
                () -> new IllegalStateException("No repository lister for " + stored.provider() + "/"
                        + stored.credential().method()));
        SecretRedaction redaction = SecretRedaction.of(stored.credential().transmittedSecrets());
        try {
            return scrubbed(lister.list(stored.organization(), continuation, cancellation), redaction);
        } finally {
            redaction.wipe();
        }
    }

    /** What the provider said, with any piece of the credential's secret a server echoed removed (as a test does). */
    static RepositoryListing scrubbed(RepositoryListing listing, SecretRedaction redaction) {
        return switch (listing) {
            case ListingFailure f -> scrubbed(f, redaction);
            case ProjectPage p -> p.problem() == null ? p
                    : new ProjectPage(p.projects(), p.nextToken(), scrubbed(p.problem(), redaction));
            default -> listing;
        };
    }

    private static ListingFailure scrubbed(ListingFailure f, SecretRedaction redaction) {
        return new ListingFailure(f.category(), f.organization(), redaction.text(f.summary()),
                redaction.scrub(f.details()), f.durationMillis());
    }

    private static ListingFailure failure(CheckCategory category, String organization, String summary) {
        return new ListingFailure(category, organization, summary, null, 0);
    }

    private static AuditOutcome outcome(RepositoryListing listing) {
        return listing instanceof ListingFailure f && f.category().outcome() == CheckOutcome.FAILED
                ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS;
    }

    private void record(AuditTrail.Actor actor, Target target, AuditOutcome outcome, @Nullable String continuation,
            RepositoryListing listing) {
        AuditDetails d = AuditDetails.of().put("page", continuation == null ? "first" : "next");
        switch (listing) {
            case ProjectPage p -> d.put("projects", p.projects().size()).put("repositories", p.repositoryCount())
                    .put("more", p.nextToken() != null).put("problem", p.problem() == null ? null
                            : p.problem().category().name());
            case BranchList b -> d.put("repository", b.repository()).put("branches", b.branches().size());
            case ListingFailure f -> d.put("category", f.category().name()).put("organization", f.organization());
        }
        try {
            audit.recordAs(actor, AuditAction.REPOSITORIES_LISTED, outcome, target, d);
        } catch (RuntimeException e) {
            log.error("Could not record a repository listing", e);
        }
    }

    /** Stops every listing in flight when the application stops. */
    @PreDestroy
    void shutdown() {
        inFlight.forEach(Cancellation::cancel);
        executor.shutdownNow();
    }
}
