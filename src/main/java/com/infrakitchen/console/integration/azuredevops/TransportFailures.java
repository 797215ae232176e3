package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Network failures to categories (docs/security.md 3.5): what the JDK and OkHttp throw, looked at through its
 * causes. The message shown with it is the exception's own, which never contains the token (it travels
 * only in a header).
 */
final class TransportFailures {

    private TransportFailures() {
    }

    static CheckCategory classify(IOException e, boolean cancelled) {
        if (cancelled) {
            return CheckCategory.CANCELLED;
        }
        if (e instanceof ProxyRoutes.Refusal refusal) {
            return refusal.category();
        }
        if (ProxySteps.connectDenied(e)) {
            // a 401 to CONNECT came after credentials were sent (ProxySteps refines it knowing whether any are set)
            return ProxySteps.connectCategory(ProxySteps.connectStatus(e), true);
        }
        if (e instanceof AddressNotAllowedException) {
            return CheckCategory.ADDRESS_NOT_ALLOWED;
        }
        if (e instanceof UnknownHostException) {
            return CheckCategory.DNS_FAILURE;
        }
        if (e instanceof SocketTimeoutException) {
            return CheckCategory.TIMEOUT;
        }
        if (e instanceof InterruptedIOException) {
            return "Canceled".equalsIgnoreCase(e.getMessage()) ? CheckCategory.CANCELLED : CheckCategory.TIMEOUT;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return CheckCategory.CONNECTION_REFUSED;
        }
        if (e instanceof SSLPeerUnverifiedException || (e instanceof SSLHandshakeException && hasCertificateCause(e))) {
            return CheckCategory.TLS_UNTRUSTED;
        }
        if (e instanceof SSLException) {
            return hasCertificateCause(e) ? CheckCategory.TLS_UNTRUSTED : CheckCategory.TLS_PROTOCOL_ERROR;
        }
        if (e instanceof SocketException || e instanceof EOFException
                || String.valueOf(e.getMessage()).contains("unexpected end of stream")) {
            return CheckCategory.CONNECTION_RESET;
        }
        if ("Canceled".equalsIgnoreCase(e.getMessage())) {
            return CheckCategory.CANCELLED;
        }
        return CheckCategory.NETWORK_ERROR;
    }

    private static boolean hasCertificateCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    /** The exception as one line: type and message, without stack or causes' noise. */
    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + AdoResponse.clip(message));
    }
}
