package com.infrakitchen.console.integration.diagnosis;

import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.integration.provider.IntegrationProviders;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How a diagnosis category is stored (decision 0013): {@code provider:NAME} for a category a provider owns (its
 * {@link IntegrationProvider#categories()}), the plain {@code NAME} for the generic ones (transport failures and the
 * test's own outcomes). Reading accepts both forms, so rows written before the provider seam still read.
 */
@Component
public class CategoryCodes {

    private final Map<CheckCategory, String> codes = new HashMap<>();

    public CategoryCodes(IntegrationProviders providers) {
        for (IntegrationProvider provider : providers.all()) {
            for (String name : provider.categories()) {
                CheckCategory category = CheckCategory.valueOf(name);
                String previous = codes.putIfAbsent(category, provider.id() + ":" + name);
                if (previous != null) {
                    throw new IllegalStateException("Category " + name + " is claimed twice: " + previous + " and "
                            + provider.id());
                }
            }
        }
    }

    /** The stored form of {@code category}. */
    public String code(CheckCategory category) {
        return codes.getOrDefault(category, category.name());
    }

    /** The category a stored code names, with or without its provider prefix. */
    public static CheckCategory parse(String code) {
        int colon = code.indexOf(':');
        return CheckCategory.valueOf(colon < 0 ? code : code.substring(colon + 1));
    }
}
