package com.infrakitchen.console.user.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AppUserRepository extends ListCrudRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE")
    long countEnabledAdmins();

    /** Locks the enabled admins' rows so two concurrent demotions cannot both pass the last-admin rule. */
    @Query("SELECT id FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE FOR UPDATE")
    List<Long> lockEnabledAdmins();

    @Query("SELECT * FROM app_user ORDER BY username")
    List<AppUser> findAllOrderByUsername();
}
