package com.infrakitchen.console.integration.azuredevops;

import java.net.Socket;
import java.security.KeyStore;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The trust manager of every connection to Azure DevOps: the configured trust ({@link TrustedCertificates}, or the
 * JDK's CAs) deciding exactly as before, and, first, the chain the server presented handed to whoever listens on
 * this thread. {@link ConnectionEvents} listens while OkHttp runs a check's TLS handshake (OkHttp handshakes on the
 * thread that reports the handshake's start and end), so a certificate that is then refused (an unknown CA, a
 * TLS-inspecting proxy, an expired one) can still be named in the TLS step: its subject, issuer and dates. Nothing
 * is ever accepted here that the configured trust refuses.
 */
final class PresentedCertificates extends X509ExtendedTrustManager {

    private static final ThreadLocal<@Nullable Consumer<X509Certificate[]>> LISTENER = new ThreadLocal<>();

    private final X509TrustManager trust;

    PresentedCertificates(X509TrustManager trust) {
        this.trust = trust;
    }

    /** The JDK's own trust: its CAs, as OkHttp would use by default. */
    static X509TrustManager platformTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the chains presented to TLS handshakes on this thread to {@code listener}, until {@link #stop()}. */
    static void listen(Consumer<X509Certificate[]> listener) {
        LISTENER.set(listener);
    }

    static void stop() {
        LISTENER.remove();
    }

    private static void presented(X509Certificate[] chain) {
        Consumer<X509Certificate[]> listener = LISTENER.get();
        if (listener != null && chain != null && chain.length > 0) {
            listener.accept(chain.clone());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        presented(chain);
        if (trust instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(chain, authType, socket);
        } else {
            trust.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        presented(chain);
        if (trust instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(chain, authType, engine);
        } else {
            trust.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        presented(chain);
        trust.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the console is never a TLS server here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the console is never a TLS server here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the console is never a TLS server here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }
}
