package com.infrakitchen.console.integration.internal;

import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface IntegrationRepository extends ListCrudRepository<Integration, UUID> {

    @Query("SELECT COUNT(*) FROM integration WHERE name_key = :nameKey")
    long countByNameKey(String nameKey);

    @Query("SELECT COUNT(*) FROM integration WHERE name_key = :nameKey AND id <> :exceptId")
    long countByNameKeyExcept(String nameKey, UUID exceptId);
}
