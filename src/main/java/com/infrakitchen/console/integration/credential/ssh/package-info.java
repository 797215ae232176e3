/**
 * SSH key intake for any provider: reading a pasted private key, refusing what cannot be used with a message a user
 * can act on, fingerprints, and new key pairs made on the server.
 */
@NullMarked
package com.infrakitchen.console.integration.credential.ssh;

import org.jspecify.annotations.NullMarked;
