package com.infrakitchen.console.integration.azuredevops;

/** The requests of the check (docs/azure-devops.md section 3); the classifier reads some answers per probe. */
enum Probe {
    /** E1 resourceAreas, without credentials: does the organization exist. */
    ORGANIZATION,
    /** E4 projects, first page: token valid for this organization, scope Project and Team (Read); counts projects. */
    PROJECTS,
    /** E3 connectionData: who the token belongs to. */
    IDENTITY,
    /** E5 repositories: scope Code (Read). */
    REPOSITORIES,
    /** git-receive-pack advertisement of one repository: scope Code (Read and write), nothing pushed. */
    CODE_WRITE
}
