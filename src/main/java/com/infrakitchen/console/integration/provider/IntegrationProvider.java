package com.infrakitchen.console.integration.provider;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ssh.KeyPolicy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A product InfraKitchen connects to (decision 0013): its id (the {@code provider} column), its name, the kinds of
 * credential it accepts and their rules, and the codes of the diagnosis categories it owns (stored as
 * {@code id:code}). The rest of a provider is found by its id at the layer that needs it, so no package depends on
 * a layer above it: the checker of each credential kind ({@code check.ConnectionChecker}) and the how-to panel
 * ({@code ui.ProviderPanels}). Azure DevOps is the one implementation.
 */
public interface IntegrationProvider {

    /** As stored in the {@code provider} column, and the prefix of its categories: {@code azure_devops}. */
    String id();

    /** As the screens name it: "Azure DevOps". */
    String displayName();

    /** The kinds of credential it accepts, the first being the one a new integration starts with. */
    List<AuthMethod> methods();

    // ---- organization -------------------------------------------------------------------------------------------

    /** The organization field's label (a contract with the docs and the end-to-end tests): "Azure Organization". */
    String organizationLabel();

    /** The most characters an organization name has. */
    int organizationMaxLength();

    /** The organization name from what was typed or pasted (a bare name or a URL); else the text, trimmed. */
    String organizationFrom(String typed);

    /** Why this (trimmed) organization name cannot be right, with the message to show; empty when it can. */
    Optional<String> organizationProblem(String organization);

    // ---- access token -------------------------------------------------------------------------------------------

    /** The most characters a token has. */
    int tokenMaxLength();

    /** Why this (trimmed) token cannot be one, with a message that never contains it; empty when it can. */
    Optional<String> tokenProblem(String token);

    /** A warning (not a refusal) about a token that passes the rules, such as an unusual length. */
    Optional<String> tokenWarning(String token);

    // ---- SSH key ------------------------------------------------------------------------------------------------

    /** The kinds and sizes of SSH key it accepts. */
    KeyPolicy keyPolicy();

    /** The most characters of the test repository ({@code project/repository}). */
    int testRepositoryMaxLength();

    /** Why this (trimmed) test repository cannot be asked for; empty when it can. */
    Optional<String> testRepositoryProblem(String testRepository);

    // ---- service principal --------------------------------------------------------------------------------------

    /**
     * How a service principal may prove itself here, when {@link #methods()} has one: the form offers these, the
     * service refuses the others. Empty for a provider without service principals.
     */
    default List<PrincipalProof> principalProofs() {
        return List.of();
    }

    // ---- diagnosis ----------------------------------------------------------------------------------------------

    /**
     * The names of the diagnosis categories this provider owns ({@code check.CheckCategory}); they are stored as
     * {@code id:NAME}. Transport and test-level categories (DNS, TLS, time-out, cancelled...) stay generic.
     */
    Set<String> categories();
}
