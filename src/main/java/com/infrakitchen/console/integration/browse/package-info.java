/**
 * The Repositories tab: what a stored credential can see at its provider (projects and their repositories, page by
 * page), read on demand with the stored credential, within the per-user limits of Test Connection. The provider's
 * listers implement {@link com.infrakitchen.console.integration.browse.RepositoryLister}; nothing here knows one.
 */
@NullMarked
package com.infrakitchen.console.integration.browse;

import org.jspecify.annotations.NullMarked;
