/**
 * The Users view and its dialogs: administrators list, create, re-role, enable or disable and unlock users, and
 * reset passwords (a generated one is shown once).
 */
@NullMarked
package com.infrakitchen.console.user.ui;

import org.jspecify.annotations.NullMarked;
