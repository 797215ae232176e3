package com.infrakitchen.console.integration.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code app.outbound.no-proxy}: the hosts reached directly although a proxy is configured (an on-premises server in
 * the same network, the proxy's own neighbours). Two kinds of entry, case-insensitive: {@code host} matches exactly
 * that host; {@code .suffix} matches that domain and every host under it ({@code .corp.example} matches
 * {@code corp.example} and {@code ado.corp.example}), as curl's {@code NO_PROXY} does; {@code *.suffix}, the JDK's
 * spelling, is read as {@code .suffix}. Entries are names or IP addresses as they appear in the URL: no ports, no
 * network ranges, no URLs, and no {@code *} (to go direct everywhere, leave {@code app.outbound.proxy} empty), each
 * refused at start-up with what to write instead, because a silently ignored entry sends traffic the wrong way.
 */
public record NoProxyHosts(List<String> exact, List<String> suffixes) {

    static final String SETTING = "app.outbound.no-proxy";

    public NoProxyHosts {
        exact = List.copyOf(exact);
        suffixes = List.copyOf(suffixes);
    }

    /** Reads the comma-separated setting; throws {@link OutboundSettingsException} for an entry it cannot honour. */
    static NoProxyHosts parse(String setting) {
        List<String> exact = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (String raw : setting.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String e = normalise(entry);
            if (e.equals("*")) {
                throw refused(entry, "* would send nothing through the proxy: to connect directly everywhere, leave"
                        + " app.outbound.proxy empty");
            }
            if (e.contains("/")) {
                throw refused(entry, "it is a URL or a network range; list host names (dev.azure.com) or domains"
                        + " (.corp.example)");
            }
            if (e.startsWith("*.")) {
                e = e.substring(1);
            }
            boolean suffix = e.startsWith(".");
            String name = suffix ? e.substring(1) : e;
            if (name.isEmpty()) {
                throw refused(entry, "it names no domain; write .corp.example for corp.example and the hosts under"
                        + " it");
            }
            if (isIpv6(name)) {
                if (suffix) {
                    throw refused(entry, "an IPv6 address cannot be a domain suffix");
                }
            } else if (name.contains(":")) {
                throw refused(entry, "it has a port; entries are host names, and every port of a listed host is"
                        + " reached directly");
            } else if (!name.matches("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?") || name.contains("..")) {
                throw refused(entry, "it is not a host name, a domain (.corp.example) or an IP address");
            }
            (suffix ? suffixes : exact).add(name);
        }
        return new NoProxyHosts(exact, suffixes);
    }

    /** Whether {@code host} (as it appears in the URL) is reached directly. */
    public boolean matches(String host) {
        String h = normalise(host);
        if (exact.contains(h)) {
            return true;
        }
        for (String suffix : suffixes) {
            if (h.equals(suffix) || h.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return exact.isEmpty() && suffixes.isEmpty();
    }

    public int size() {
        return exact.size() + suffixes.size();
    }

    /** Lower case, without IPv6 brackets and a trailing dot (an absolute name is the same host). */
    static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.length() > 1 && h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static boolean isIpv6(String name) {
        return name.indexOf(':') != name.lastIndexOf(':') && name.matches("[0-9a-f:.]+");
    }

    private static OutboundSettingsException refused(String entry, String why) {
        return new OutboundSettingsException(SETTING + " has an entry it cannot use, '" + clip(entry) + "': " + why
                + ".", "Correct " + SETTING + ": comma-separated host names (ado.corp.example) and domains"
                + " (.corp.example), no ports, ranges or URLs.");
    }

    static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 100 ? printable : printable.substring(0, 100) + "…";
    }
}
