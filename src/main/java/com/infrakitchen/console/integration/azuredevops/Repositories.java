package com.infrakitchen.console.integration.azuredevops;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the check keeps of a repositories listing, entry by entry (docs/azure-devops.md 7.2): how many there are, in how
 * many projects, and the first repository a write probe may use (enabled, with a name and a project). Nothing else
 * of an entry is kept, so an organization with thousands of repositories costs a counter and a set of project
 * names. Filled on one thread (the one reading the answer), read after the answer's future completes.
 */
final class Repositories {

    /** More distinct project names than this are counted but not remembered (a bound, never reached in practice). */
    static final int MAX_PROJECT_NAMES = 100_000;

    record Repo(String project, String name) {
    }

    private int count;
    private final Set<String> projects = new HashSet<>();
    private int projectsBeyondBound;
    private @Nullable Repo probe;

    void add(JsonNode entry) {
        count++;
        String project = entry.path("project").path("name").asString("");
        if (projects.size() < MAX_PROJECT_NAMES) {
            projects.add(project);
        } else if (!projects.contains(project)) {
            projectsBeyondBound++;
        }
        String name = entry.path("name").asString("");
        if (probe == null && !entry.path("isDisabled").asBoolean(false) && !name.isEmpty() && !project.isEmpty()) {
            probe = new Repo(project, name);
        }
    }

    int count() {
        return count;
    }

    int projectCount() {
        return projects.size() + projectsBeyondBound;
    }

    /** The first repository fit for the write probe, or null. */
    @Nullable Repo probe() {
        return probe;
    }
}
