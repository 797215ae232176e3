package com.infrakitchen.console.integration.azuredevops;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.entra.*}: where a service principal gets its Microsoft Entra token (decision 0019). Administrator
 * configuration only; the tenant a user types becomes a path segment of this host, never a host.
 *
 * @param authorityHost       the Microsoft Entra authority: {@code https://login.microsoftonline.com} (sovereign
 *                            clouds: {@code https://login.microsoftonline.us}, {@code https://login.chinacloudapi.cn});
 *                            a test double in tests. Reached through {@code app.outbound.*} like Azure DevOps, with the
 *                            same address guard ({@code app.azure-devops.allow-private-addresses})
 * @param federatedTokenFile  the workload identity token file the platform projects into the pod (Kubernetes); when
 *                            set, service principals may sign in with it and store no secret. Read for each token
 * @param tokenRefreshMargin  how long before its expiry a cached access token is no longer used
 */
@ConfigurationProperties("app.entra")
public record EntraProperties(
        @DefaultValue("https://login.microsoftonline.com") URI authorityHost,
        @Nullable Path federatedTokenFile,
        @DefaultValue("5m") Duration tokenRefreshMargin) {

    /** Azure DevOps' resource id: the scope of every token the console asks for. */
    public static final String AZURE_DEVOPS_SCOPE = "499b84ac-1321-427f-aa17-267ca6975798/.default";
}
