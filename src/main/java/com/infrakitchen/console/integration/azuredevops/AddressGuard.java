package com.infrakitchen.console.integration.azuredevops;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * The second layer of the outbound-call rules (docs/security.md 3.2): a {@link Dns} that resolves, then refuses
 * addresses the console must never call. Link-local (169.254.0.0/16 with the cloud metadata service,
 * fe80::/10), any-local and multicast are always refused; loopback and private ranges only unless the
 * administrator allowed them for an on-premises server. OkHttp connects to exactly the addresses returned
 * here, so a DNS answer cannot change between the check and the connection. OkHttp does not ask the
 * {@code Dns} for IP literals: {@link #checkLiteral} covers those.
 */
final class AddressGuard implements Dns {

    private final Dns delegate;
    private final boolean allowPrivate;

    AddressGuard(Dns delegate, boolean allowPrivate) {
        this.delegate = delegate;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(hostname);
        for (InetAddress address : addresses) {
            refuseIfBlocked(hostname, address);
        }
        return addresses;
    }

    /** For a URL whose host is an IP literal, which OkHttp connects to without asking the {@code Dns}. */
    void checkLiteral(String host) throws UnknownHostException {
        if (isIpLiteral(host)) {
            refuseIfBlocked(host, InetAddress.getByName(host));
        }
    }

    private void refuseIfBlocked(String hostname, InetAddress address) throws AddressNotAllowedException {
        if (blocked(address, allowPrivate)) {
            throw new AddressNotAllowedException(hostname, address.getHostAddress());
        }
    }

    static boolean blocked(InetAddress a, boolean allowPrivate) {
        if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        boolean uniqueLocal = a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
        boolean privateRange = a.isLoopbackAddress() || a.isSiteLocalAddress() || uniqueLocal
                || isCarrierGradeNat(a);
        return privateRange && !allowPrivate;
    }

    private static boolean isCarrierGradeNat(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
