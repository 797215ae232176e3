/**
 * Web and sign-in security: the filter chain and response headers, the login page, throttled password sign-in, the
 * three roles, and who is signed in right now.
 */
@NullMarked
package com.infrakitchen.console.security;

import org.jspecify.annotations.NullMarked;
