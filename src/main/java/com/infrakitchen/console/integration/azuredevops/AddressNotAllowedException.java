package com.infrakitchen.console.integration.azuredevops;

import java.net.UnknownHostException;

/**
 * The host resolved (or is written as) an address the console may not call (docs/security.md 3.2). An
 * {@link UnknownHostException} so that OkHttp passes it through its DNS step unchanged.
 */
final class AddressNotAllowedException extends UnknownHostException {

    AddressNotAllowedException(String host, String address) {
        super(host + " resolves to " + address + ", which the console may not call");
    }
}
