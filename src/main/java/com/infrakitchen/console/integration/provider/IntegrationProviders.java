package com.infrakitchen.console.integration.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The providers this instance knows, by id; the first is the one the setup page offers. */
@Component
public class IntegrationProviders {

    private final Map<String, IntegrationProvider> byId = new LinkedHashMap<>();

    public IntegrationProviders(List<IntegrationProvider> providers) {
        if (providers.isEmpty()) {
            throw new IllegalStateException("No integration provider is configured");
        }
        for (IntegrationProvider p : providers) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                throw new IllegalStateException("Two integration providers have the id " + p.id());
            }
        }
    }

    /** The provider of this id; an integration stored with an unknown id is an error of the installation. */
    public IntegrationProvider get(String id) {
        IntegrationProvider p = byId.get(id);
        if (p == null) {
            throw new NoSuchElementException("No integration provider '" + id + "' (known: " + byId.keySet() + ")");
        }
        return p;
    }

    public Optional<IntegrationProvider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The one the setup page offers. */
    public IntegrationProvider defaultProvider() {
        return byId.values().iterator().next();
    }

    public List<IntegrationProvider> all() {
        return List.copyOf(byId.values());
    }
}
