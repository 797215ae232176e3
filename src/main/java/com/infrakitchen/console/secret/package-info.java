/**
 * Secrets at rest: loads the Tink key set and encrypts tokens and private keys with AES-256-GCM, each ciphertext
 * bound to the row and column it is stored in.
 */
@NullMarked
package com.infrakitchen.console.secret;

import org.jspecify.annotations.NullMarked;
