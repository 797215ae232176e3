package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.internal.Integration;
import com.infrakitchen.console.integration.internal.SshKeyColumns;

/** The stored aggregate as the public API shows it: every non-secret field; for secrets, only whether and since when. */
final class IntegrationDetails {

    private IntegrationDetails() {
    }

    static IntegrationDetail of(Integration i) {
        IntegrationData data = new IntegrationData(i.name(), IntegrationFields.nullToEmpty(i.description()),
                IntegrationFields.sortedLabels(i), i.organization(), i.tokenExpiresOn());
        SshKeyColumns ssh = i.ssh();
        SshKeyFacts facts = ssh == null || ssh.keyCiphertext() == null ? null : new SshKeyFacts(ssh.keyDescription(),
                ssh.fingerprintSha256(), ssh.fingerprintMd5(), ssh.publicKey(), Boolean.TRUE.equals(ssh.generated()),
                ssh.passphraseCiphertext() != null, ssh.setAt(), ssh.testRepository());
        return new IntegrationDetail(i.id(), data, AuthMethod.valueOf(i.method()), i.enabled(),
                i.patCiphertext() != null, i.patSetAt(), facts, i.createdAt(), i.createdBy(), i.updatedAt(),
                i.updatedBy(), i.version());
    }
}
