package com.infrakitchen.console.audit;

import com.infrakitchen.console.audit.internal.AuditEventStore;
import com.infrakitchen.console.security.Roles;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log: administrators only (docs/product.md sections 2 and 9). */
@Service
@Transactional(readOnly = true)
public class AuditService {

    /** The largest page the service hands out, whatever the caller asks for. */
    public static final int MAX_PAGE_SIZE = 200;

    private final AuditEventStore store;

    AuditService(AuditEventStore store) {
        this.store = store;
    }

    /** One page of events, newest first. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<AuditEntry> find(@Nullable AuditQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return store.find(query == null ? AuditQuery.ALL : query, offset, Math.min(limit, MAX_PAGE_SIZE));
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    public long count(@Nullable AuditQuery query) {
        return store.count(query == null ? AuditQuery.ALL : query);
    }

    /**
     * The history of one integration (its detail page's History tab), newest first: anyone who may see
     * the integration may see what happened to it. Details never hold secret values.
     */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public List<AuditEntry> historyOfIntegration(UUID id, int limit) {
        return store.forTarget(AuditTrail.Target.INTEGRATION, id.toString(), Math.min(limit, MAX_PAGE_SIZE));
    }

    /** Actors that appear in the log, for the filter's suggestions. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<String> actors() {
        return store.actors();
    }
}
