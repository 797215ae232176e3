package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.ConnectionEvents.Observed;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The ladder's network steps of the token check (docs/azure-devops.md 11): "DNS lookup", "TCP connect" and "TLS
 * handshake", from what {@link ConnectionEvents} saw of the request that decides authentication (the projects
 * request). Pure functions of that record: no request of their own. When the connection could not be set up, the
 * phase that did not finish is the failed step, and the network failure's category is its headline; the steps after
 * it are the checker's to mark "Not reached".
 */
final class NetworkSteps {

    static final String STEP_DNS = "DNS lookup";
    static final String STEP_TCP = "TCP connect";
    static final String STEP_TLS = "TLS handshake";
    static final List<String> STEPS = List.of(STEP_DNS, STEP_TCP, STEP_TLS);

    /** A server certificate expiring within this many days makes the TLS step a warning. */
    static final int CERTIFICATE_WARNING_DAYS = 30;

    /**
     * The network steps as far as they went.
     *
     * @param failed           whether one of them failed (the connection was never made): the result is decided
     * @param expiringSoon     whether the server's certificate expires within {@value #CERTIFICATE_WARNING_DAYS} days
     * @param category         when failed: the category that decides (through a proxy it may say more than the
     *                         transport's own, as "the proxy refused the tunnel" for an IOException)
     */
    record Outcome(List<CheckStep> steps, boolean failed, boolean expiringSoon, @Nullable CheckCategory category) {
    }

    private NetworkSteps() {
    }

    /**
     * @param url      the request's URL
     * @param e        the request: its answer, or the network failure that ended it
     * @param category the failure's category when {@code e} failed, else null
     * @param now      the check's clock, for the certificate's remaining days
     * @param proxy    the egress proxy when the check's requests go through it ({@link ProxySteps}), else null
     */
    static Outcome of(HttpUrl url, AzureDevOpsHttp.Exchange e, Observed o, @Nullable CheckCategory category,
            String org, Instant now, @Nullable OutboundProxy proxy) {
        if (proxy != null) {
            return ProxySteps.of(url, e, o, category, org, now, proxy);
        }
        List<CheckStep> steps = new ArrayList<>();
        IOException error = e.error();
        boolean setUpFailed = error != null && !o.acquired();
        String host = url.host();

        // DNS lookup
        if (AddressGuard.isIpLiteral(host)) {
            steps.add(CheckStep.skipped(STEP_DNS, host + " is an IP address: there is nothing to resolve."));
        } else if (o.dnsEnd() != 0) {
            steps.add(new CheckStep(STEP_DNS, StepStatus.PASSED, host + " resolved to " + addresses(o.addresses())
                    + ".", millis(o.dnsEnd() - o.dnsStart()), null));
        } else if (!setUpFailed) {
            steps.add(new CheckStep(STEP_DNS, StepStatus.PASSED, host + " was resolved for a connection this check"
                    + " had just opened.", 0, null));
        } else {
            steps.add(failed(STEP_DNS, category, error, org, "", e));
            return new Outcome(steps, true, false, category);
        }

        // TCP connect
        if (o.tcpConnected()) {
            long end = o.secureStart() != 0 ? o.secureStart() : o.connectEnd();
            steps.add(new CheckStep(STEP_TCP, StepStatus.PASSED, "Connected to " + where(o.connected(), url)
                    + retried(o) + (o.shared() ? " (a connection this check opened for a parallel request)" : "")
                    + ".", o.connectStart() == 0 || end == 0 ? 0 : millis(end - o.connectStart()), null));
        } else {
            String tried = o.attempted().isEmpty() ? "" : " Tried " + o.attempted().stream()
                    .map(a -> where(a, url)).distinct().collect(Collectors.joining(", ")) + ".";
            steps.add(failed(STEP_TCP, category, error, org, tried, e, o.connectStart(), o.failedAt()));
            return new Outcome(steps, true, false, category);
        }
        return tls(url, e, o, category, org, now, steps);
    }

    /** The TLS handshake step after {@code steps} (through a proxy: end to end, inside the tunnel). */
    static Outcome tls(HttpUrl url, AzureDevOpsHttp.Exchange e, Observed o, @Nullable CheckCategory category,
            String org, Instant now, List<CheckStep> steps) {
        IOException error = e.error();
        if (!url.isHttps()) {
            steps.add(CheckStep.skipped(STEP_TLS, "Plain HTTP (the base URL is http://): there is no TLS to set up,"
                    + " and nothing is encrypted."));
            return new Outcome(steps, false, false, null);
        }
        Handshake handshake = o.handshake();
        if (handshake == null) {
            X509Certificate refused = o.presented();
            steps.add(failed(STEP_TLS, category, error, org, refused == null ? "" : " The server presented "
                    + names(refused) + ", valid from " + day(refused.getNotBefore().toInstant()) + " until "
                    + day(refused.getNotAfter().toInstant()) + ".", e, o.secureStart(), o.failedAt()));
            return new Outcome(steps, true, false, category);
        }
        X509Certificate certificate = serverCertificate(handshake);
        long days = certificate == null ? Long.MAX_VALUE
                : Duration.between(now, certificate.getNotAfter().toInstant()).toDays();
        boolean soon = days < CERTIFICATE_WARNING_DAYS;
        steps.add(new CheckStep(STEP_TLS, soon ? StepStatus.WARNING : StepStatus.PASSED,
                describe(handshake, o, certificate, days),
                o.secureStart() == 0 || o.secureEnd() == 0 ? 0 : millis(o.secureEnd() - o.secureStart()), null));
        return new Outcome(steps, false, soon, null);
    }

    /** "TLSv1.3, TLS_AES_256_GCM_SHA384, h2; the server's certificate CN=…, issued by CN=…, valid until …". */
    private static String describe(Handshake h, Observed o, @Nullable X509Certificate cert, long days) {
        StringBuilder s = new StringBuilder(h.tlsVersion().javaName()).append(", ")
                .append(h.cipherSuite().javaName());
        if (o.protocol() != null) {
            s.append(", ").append(o.protocol());
        }
        if (cert == null) {
            return s.append("; the server sent no X.509 certificate details.").toString();
        }
        LocalDate until = day(cert.getNotAfter().toInstant());
        s.append("; the server's certificate ").append(names(cert));
        if (days < CERTIFICATE_WARNING_DAYS) {
            return s.append(", expires on ").append(until).append(" (in ").append(PatSteps.plural(days, "day", "", "s"))
                    .append("): its owner must renew it before then, or every test will fail as untrusted.")
                    .toString();
        }
        return s.append(", valid until ").append(until).append('.').toString();
    }

    /** "CN=…, issued by CN=…": a certificate's subject and issuer, each at most 200 characters. */
    private static String names(X509Certificate cert) {
        return AdoResponse.clip(cert.getSubjectX500Principal().getName()) + ", issued by "
                + AdoResponse.clip(cert.getIssuerX500Principal().getName());
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable X509Certificate serverCertificate(Handshake h) {
        List<Certificate> chain = h.peerCertificates();
        return !chain.isEmpty() && chain.get(0) instanceof X509Certificate x ? x : null;
    }

    static CheckStep failed(String step, @Nullable CheckCategory category, @Nullable IOException error,
            String org, String more, AzureDevOpsHttp.Exchange e) {
        return failed(step, category, error, org, more, e, 0, 0);
    }

    static CheckStep failed(String step, @Nullable CheckCategory category, @Nullable IOException error,
            String org, String more, AzureDevOpsHttp.Exchange e, long from, long to) {
        String why = error == null ? "failed" : TransportFailures.describe(error);
        String headline = category == null ? CheckCategory.NETWORK_ERROR.headline(org) : category.headline(org);
        return new CheckStep(step, StepStatus.FAILED, headline + " (" + why + ")." + more,
                from != 0 && to > from ? millis(to - from) : e.durationMillis(),
                new HttpDetails("GET", e.url(), null, null, null, null, null, null, why));
    }

    private static String retried(Observed o) {
        long others = o.attempted().stream().filter(a -> !a.equals(o.connected())).distinct().count();
        return others == 0 || o.connectFailure() == null ? ""
                : " (after " + PatSteps.plural(others, "other address", "", "es") + " failed: "
                        + TransportFailures.describe(o.connectFailure()) + ")";
    }

    static String where(@Nullable InetSocketAddress a, HttpUrl url) {
        if (a == null) {
            return url.host() + " port " + url.port();
        }
        InetAddress address = a.getAddress();
        return (address == null ? a.getHostString() : address.getHostAddress()) + " port " + a.getPort();
    }

    static String addresses(List<InetAddress> found) {
        return found.isEmpty() ? "no address" : found.stream().map(InetAddress::getHostAddress).distinct()
                .collect(Collectors.joining(", "));
    }

    static long millis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }
}
