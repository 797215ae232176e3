/**
 * User storage and sign-in lookup: the app_user entity and its repository, the account loader for Spring Security,
 * and the first administrator created on an empty database.
 */
@NullMarked
package com.infrakitchen.console.user.internal;

import org.jspecify.annotations.NullMarked;
