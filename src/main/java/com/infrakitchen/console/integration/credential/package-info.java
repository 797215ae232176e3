/**
 * The kinds of credential an integration can hold (an access token, an SSH key): as a form holds them, what can
 * change while the secret is kept, what a save does to the stored one, and what may be shown of it.
 */
@NullMarked
package com.infrakitchen.console.integration.credential;

import org.jspecify.annotations.NullMarked;
