/**
 * How the console reaches the outside world: the administrator's egress proxy ({@code app.outbound.*}), which hosts
 * go through it and which connect directly, and the credentials it asks for. Plain Java (no HTTP or SSH client): the
 * clients that call out (Azure DevOps' HTTPS and SSH checks, a future Entra token client) each apply it their way.
 */
@NullMarked
package com.infrakitchen.console.integration.outbound;

import org.jspecify.annotations.NullMarked;
