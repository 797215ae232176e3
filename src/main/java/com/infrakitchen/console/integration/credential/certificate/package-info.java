/**
 * Client certificates for any provider that signs in with one (a Microsoft Entra service principal): reading a PEM or
 * PKCS#12 file with its private key, and what may be shown of it (subject, thumbprints, end date).
 */
@NullMarked
package com.infrakitchen.console.integration.credential.certificate;

import org.jspecify.annotations.NullMarked;
