package com.infrakitchen.console.integration.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * {@code app.outbound.*} (decision 0018): which hosts go through the proxy, which settings are refused at start-up
 * and how the refusal reads, and that the proxy password never shows.
 */
class OutboundProxyTest {

    static final String CANARY = "CANARY-proxy-password-7f3a";

    static OutboundProxy proxy(String proxy, String user, String password, String noProxy) {
        return new OutboundProxy(new OutboundProperties(proxy, user, password, noProxy));
    }

    static OutboundSettingsException refused(String proxy, String user, String password, String noProxy) {
        try {
            proxy(proxy, user, password, noProxy);
        } catch (OutboundSettingsException e) {
            return e;
        }
        throw new AssertionError("accepted: " + proxy + " / " + noProxy);
    }

    @Test
    void withoutAProxyEveryHostIsDirect() {
        OutboundProxy direct = OutboundProxy.direct();
        assertThat(direct.configured()).isFalse();
        assertThat(direct.forHost("dev.azure.com")).isEqualTo(Proxy.NO_PROXY);
        assertThat(direct.usedFor("ssh.dev.azure.com")).isFalse();
        assertThat(direct.label()).isEmpty();
        assertThat(direct).hasToString("OutboundProxy[direct]");
    }

    @Test
    void aProxyIsUsedForEveryHostButTheNoProxyOnes() {
        OutboundProxy p = proxy(" http://Proxy.Corp.Example:3128/ ", null, null,
                "ado.corp.example, .internal.example ,*.lab.example,,10.1.2.3,[fd00::1]");
        assertThat(p.label()).isEqualTo("proxy.corp.example:3128");
        Proxy selected = p.forHost("dev.azure.com");
        assertThat(selected.type()).isEqualTo(Proxy.Type.HTTP);
        InetSocketAddress address = (InetSocketAddress) selected.address();
        assertThat(address.isUnresolved()).as("resolved by the client at each connection").isTrue();
        assertThat(address.getHostString()).isEqualTo("proxy.corp.example");
        assertThat(address.getPort()).isEqualTo(3128);
        assertThat(p.noProxy().size()).isEqualTo(5);
        assertThat(p.isProxyHost("PROXY.corp.example.")).isTrue();
        assertThat(p.isProxyHost("dev.azure.com")).isFalse();
    }

    @ParameterizedTest(name = "{0} direct: {1}")
    @CsvSource({
            "ado.corp.example, true",
            "ADO.Corp.Example., true",
            "other.ado.corp.example, false", // a plain entry is that host only
            "corp.example, false",
            "internal.example, true", // .suffix: the domain itself
            "a.b.internal.example, true", // and every host under it
            "xinternal.example, false", // not a string suffix: a domain suffix
            "lab.example, true", // *.lab.example is read as .lab.example
            "git.lab.example, true",
            "10.1.2.3, true",
            "10.1.2.30, false",
            "fd00::1, true",
            "[fd00::1], true",
            "dev.azure.com, false",
            "ssh.dev.azure.com, false"})
    void noProxyMatchesHostsExactlyAndSuffixesAsDomains(String host, boolean direct) {
        OutboundProxy p = proxy("http://proxy:3128", null, null,
                "ado.corp.example,.internal.example,*.lab.example,10.1.2.3,[FD00::1]");
        assertThat(!p.usedFor(host)).isEqualTo(direct);
        assertThat(p.forHost(host) == Proxy.NO_PROXY).isEqualTo(direct);
    }

    @Test
    void anIpv6ProxyIsLabelledWithBrackets() {
        OutboundProxy p = proxy("http://[::1]:8080", null, null, "");
        assertThat(p.host()).isEqualTo("::1");
        assertThat(p.label()).isEqualTo("[::1]:8080");
        assertThat(p.isProxyHost("[::1]")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "https://proxy:3128 | a proxy reached over TLS (https://) is not supported",
            "socks5://proxy:1080 | only HTTP proxies (http://, tunnelling with CONNECT) are supported, not socks5://",
            "proxy:3128 | 'proxy:3128' has no scheme",
            "proxy.corp | 'proxy.corp' has no scheme",
            "http://proxy.corp | 'http://proxy.corp' has no port",
            "http://proxy.corp:3128/squid | has a path, query or fragment",
            "http://proxy.corp:3128?x=1 | has a path, query or fragment",
            "http://proxy corp:3128 | is not a URL",
            "http://:3128 | has no valid host name"})
    void aMalformedProxyIsRefusedSayingWhatIsWrong(String value, String expected) {
        OutboundSettingsException e = refused(value, null, null, "");
        assertThat(e.getMessage()).startsWith("app.outbound.proxy ").contains(expected);
        assertThat(e.action()).isNotBlank();
    }

    @Test
    void aProxyUrlWithCredentialsIsRefusedWithoutRepeatingIt() {
        OutboundSettingsException e = refused("http://alice:" + CANARY + "@proxy:3128", null, null, "");
        assertThat(e.getMessage()).contains("must not hold credentials").doesNotContain(CANARY).doesNotContain("alice");
        assertThat(e.action()).contains("app.outbound.proxy-username").contains("APP_OUTBOUND_PROXYPASSWORD")
                .doesNotContain(CANARY);
    }

    @Test
    void credentialsComeInPairsAndOnlyWithAProxy() {
        assertThat(refused("http://proxy:3128", "alice", null, "").getMessage())
                .contains("app.outbound.proxy-username is set, but app.outbound.proxy-password is not");
        assertThat(refused("http://proxy:3128", null, CANARY, "").getMessage())
                .contains("app.outbound.proxy-password is set, but app.outbound.proxy-username is not")
                .doesNotContain(CANARY);
        assertThat(refused("", "alice", CANARY, "").getMessage()).contains("app.outbound.proxy is empty")
                .doesNotContain(CANARY);
        assertThat(refused("http://proxy:3128", "ali:ce", CANARY, "").getMessage()).contains("colon")
                .doesNotContain(CANARY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "* | * would send nothing through the proxy",
            "http://ado.corp.example | it is a URL or a network range",
            "10.0.0.0/8 | it is a URL or a network range",
            "ado.corp.example:8443 | it has a port",
            ". | it names no domain",
            "bad_host!.example | it is not a host name",
            "a..b | it is not a host name"})
    void aNoProxyEntryThatCannotBeHonouredIsRefused(String entry, String expected) {
        OutboundSettingsException e = refused("http://proxy:3128", null, null, "ok.example," + entry);
        assertThat(e.getMessage()).startsWith("app.outbound.no-proxy has an entry it cannot use").contains(expected);
    }

    @Test
    void thePasswordIsNeverInToStringOrTheSettingsRecord() {
        OutboundProxy p = proxy("http://proxy:3128", "alice", CANARY, ".corp.example");
        assertThat(p.hasCredentials()).isTrue();
        assertThat(p.password().reveal()).isEqualTo(CANARY);
        assertThat(p.toString()).contains("credentials configured").doesNotContain(CANARY).doesNotContain("alice");
        assertThat(new OutboundProperties("http://proxy:3128", "alice", CANARY, "").toString())
                .contains("password ****").doesNotContain(CANARY).doesNotContain("alice");
        assertThat(String.valueOf(p.password())).doesNotContain(CANARY);
    }

    @Test
    void theFailureAnalysisNamesTheSettingAndTheFixWithoutTheValue() {
        OutboundSettingsException e = refused("http://bob:" + CANARY + "@proxy:3128", null, null, "");
        Throwable startUp = new BeanCreationException("outboundProxy", "Failed to instantiate", e);
        FailureAnalysis analysis = new OutboundSettingsFailureAnalyzer().analyze(startUp);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("app.outbound.proxy").doesNotContain(CANARY);
        assertThat(analysis.getAction()).contains("http://host:port").doesNotContain(CANARY);
        assertThat(new OutboundSettingsFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
        assertThat(new OutboundSettingsFailureAnalyzer().getOrder())
                .isEqualTo(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    }
}
