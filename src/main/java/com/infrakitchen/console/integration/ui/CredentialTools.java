package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.ClientCertificateService;
import com.infrakitchen.console.integration.SshKeyService;
import org.springframework.stereotype.Component;

/**
 * The services the credential editors use while a form is filled in (read an SSH key or a certificate at once,
 * generate a key pair), handed to {@link IntegrationForm} as one, so that a further kind of credential adds a
 * service here and not a parameter to every view.
 */
@Component
class CredentialTools {

    private final SshKeyService keys;
    private final ClientCertificateService certificates;

    CredentialTools(SshKeyService keys, ClientCertificateService certificates) {
        this.keys = keys;
        this.certificates = certificates;
    }

    SshKeyService keys() {
        return keys;
    }

    ClientCertificateService certificates() {
        return certificates;
    }
}
