package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.browse.RepositoryListing.BranchList;
import com.infrakitchen.console.integration.browse.RepositoryListing.Project;
import com.infrakitchen.console.integration.browse.RepositoryListing.RepositoryInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the Repositories tab: each project followed by its repositories (or the branches of an SSH
 * integration's test repository), and the search over what is loaded: a project stays when its name or one of its
 * repositories' names matches, and then shows its matching repositories (all of them when the project's name matched).
 */
final class RepositoryRows {

    /** One row of the grid. */
    sealed interface Row {
        /** The text of the first column. */
        String name();
    }

    record ProjectRow(Project project) implements Row {
        @Override
        public String name() {
            return project.name();
        }
    }

    record RepositoryRow(RepositoryInfo repository) implements Row {
        @Override
        public String name() {
            return repository.name();
        }
    }

    /** A branch of the test repository, by its short name ({@code main}). */
    record BranchRow(String name, boolean isDefault) implements Row {
    }

    private RepositoryRows() {
    }

    /** The loaded projects and repositories that match {@code query} (blank: all), in the order loaded. */
    static List<Row> of(List<Project> projects, @Nullable String query) {
        String q = normal(query);
        List<Row> rows = new ArrayList<>();
        for (Project p : projects) {
            boolean projectMatches = contains(p.name(), q);
            List<Row> repositories = new ArrayList<>();
            for (RepositoryInfo r : p.repositories()) {
                if (projectMatches || contains(r.name(), q)) {
                    repositories.add(new RepositoryRow(r));
                }
            }
            if (projectMatches || !repositories.isEmpty()) {
                rows.add(new ProjectRow(p));
                rows.addAll(repositories);
            }
        }
        return rows;
    }

    /** The branches of an SSH integration's test repository that match {@code query}. */
    static List<Row> of(BranchList list, @Nullable String query) {
        String q = normal(query);
        List<Row> rows = new ArrayList<>();
        for (String ref : list.branches()) {
            String name = shortBranch(ref);
            if (contains(name, q)) {
                rows.add(new BranchRow(name, ref.equals(list.defaultBranch())));
            }
        }
        return rows;
    }

    private static String normal(@Nullable String query) {
        return query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String text, String q) {
        return q.isEmpty() || text.toLowerCase(Locale.ROOT).contains(q);
    }

    /** {@code refs/heads/main} as {@code main}; anything else as it is. */
    static String shortBranch(@Nullable String ref) {
        if (ref == null) {
            return "";
        }
        return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
    }

    /** A size in bytes as people read it: {@code 512 B}, {@code 2.0 KB}, {@code 1.4 MB}, {@code 3.2 GB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** "1 repository", "3 repositories". */
    static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
