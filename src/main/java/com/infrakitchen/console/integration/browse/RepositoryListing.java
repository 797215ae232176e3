package com.infrakitchen.console.integration.browse;

import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one load of the Repositories tab found: values only, never a secret. A page of projects with their
 * repositories, the branches of the test repository (for a credential that cannot list), or why nothing could be
 * listed, in the words of Test Connection.
 */
public sealed interface RepositoryListing {

    /**
     * Projects in the provider's order with the repositories each holds.
     *
     * @param nextToken the continuation token of the next page, null on the last page
     * @param problem   the first project whose repositories could not be listed, and why; those projects say
     *                  {@link Project#listed()} false. Null when every listing answered
     */
    record ProjectPage(List<Project> projects, @Nullable String nextToken, @Nullable ListingFailure problem)
            implements RepositoryListing {

        public ProjectPage {
            projects = List.copyOf(projects);
        }

        public int repositoryCount() {
            return projects.stream().mapToInt(p -> p.repositories().size()).sum();
        }
    }

    /**
     * @param visibility {@code private} or {@code public}, as the provider says; null when it did not
     * @param listed     whether its repositories were listed (false: its listing failed, see the page's problem)
     */
    record Project(String id, String name, @Nullable String description, @Nullable String visibility,
            List<RepositoryInfo> repositories, boolean listed) {

        public Project {
            repositories = List.copyOf(repositories);
        }
    }

    /**
     * One repository. URLs are http(s) only (anything else is left out).
     *
     * @param defaultBranch the full ref name ({@code refs/heads/main}); null for an empty repository
     * @param sizeBytes     the size the provider reports, in bytes
     * @param httpsUrl      the HTTPS clone URL
     * @param sshUrl        the SSH clone URL
     */
    record RepositoryInfo(String id, String project, String name, @Nullable String defaultBranch, long sizeBytes,
            boolean disabled, boolean inMaintenance, @Nullable String webUrl, @Nullable String httpsUrl,
            @Nullable String sshUrl) {

        /** An empty repository has no default branch (nothing was ever pushed). */
        public boolean empty() {
            return defaultBranch == null;
        }
    }

    /**
     * The branches of one repository from its Git reference advertisement, for a credential that cannot list
     * repositories.
     *
     * @param repository    {@code project/repository}
     * @param defaultBranch where HEAD points ({@code refs/heads/main}), null when the server did not say
     * @param branches      full ref names under {@code refs/heads/}, as advertised
     * @param tags          how many tags were advertised
     * @param truncated     the advertisement was longer than what is read; the lists are its beginning
     * @param note          why only this is shown, in the provider's words
     */
    record BranchList(String repository, @Nullable String defaultBranch, List<String> branches, int tags,
            boolean truncated, String note) implements RepositoryListing {

        public BranchList {
            branches = List.copyOf(branches);
        }
    }

    /**
     * Nothing (or not everything) could be listed: the category Test Connection gives the same answer, what this
     * listing saw, and the exchange that decided it.
     *
     * @param summary what the request found, as the step of a diagnosis says it
     */
    record ListingFailure(CheckCategory category, String organization, String summary, @Nullable HttpDetails details,
            long durationMillis) implements RepositoryListing {

        public String headline() {
            return category.headline(organization);
        }

        public String hint() {
            return category.hint(organization);
        }

        /** As {@link #headline()}, worded for {@code today}. */
        public String headline(LocalDate today) {
            return category.headline(organization, today);
        }

        public String hint(LocalDate today) {
            return category.hint(organization, today);
        }
    }
}
