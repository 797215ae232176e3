/**
 * The frame around every signed-in screen: the main layout (role-filtered navigation, theme switch, sign-out), the
 * root redirect, the not-found/no-access page, and the error handler that shows a plain message.
 */
@NullMarked
package com.infrakitchen.console.base.ui;

import org.jspecify.annotations.NullMarked;
