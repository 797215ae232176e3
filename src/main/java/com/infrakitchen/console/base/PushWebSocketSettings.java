package com.infrakitchen.console.base;

import com.vaadin.flow.spring.SpringServlet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The push WebSocket each open tab keeps, made smaller on the server (issue 14, "Memory": at most 250 KB of heap a
 * tab; docs/benchmarks/capacity.md). A heap dump of 20 tabs showed about 130 KiB a tab of Tomcat's and Atmosphere's
 * WebSocket buffers, for a socket that carries small UIDL messages. Three things here:
 *
 * <ul>
 *   <li>No permessage-deflate. Tomcat 11 has no switch for it (the {@code DISABLE_BUILTIN_EXTENSIONS} property of
 *       older versions is gone) and Atmosphere's configurator accepts whatever the browser offers, so the offer
 *       ({@code Sec-WebSocket-Extensions}) is hidden from the upgrade of {@code /VAADIN/push}: a filter before
 *       Tomcat's WsFilter (Spring's filters are mapped before it). Saves a Deflater and an Inflater (their zlib
 *       state is native memory, besides the heap) and two 8 KiB buffers a socket; push messages are a few KB,
 *       compression bought little.</li>
 *   <li>Smaller buffers, through init parameters of the Vaadin servlet (Vaadin's {@code PushRequestHandler} applies
 *       its own 16384 to Atmosphere only where the servlet has none; a {@code vaadin.*} property does not reach
 *       Atmosphere). {@code org.atmosphere.websocket.bufferSize} sizes a byte and a char buffer in every Atmosphere
 *       WebSocket (16 KiB + 32 KiB) that the JSR 356 container path never uses (Atmosphere reads into them only for
 *       containers that hand it streams); {@code maxTextMessageSize}/{@code maxBinaryMessageSize} become the
 *       Tomcat session's receive buffers. Vaadin's client splits what it sends over the socket into messages of at
 *       most {@value #CLIENT_FRAGMENT_CHARS} characters (PushConstants.WEBSOCKET_FRAGMENT_SIZE), so a text buffer
 *       of 4096 characters holds any of them; Vaadin sends no binary messages, and Tomcat stages a text message's
 *       bytes through the binary buffer in pieces, so that one can be small too.</li>
 *   <li>Smaller socket buffers of the connector ({@link #smallSocketBuffers()}); Tomcat's own WebSocket buffers are
 *       {@link TomcatWebSocketBufferSize}.</li>
 * </ul>
 *
 * <p>Measured (TabMemoryBenchmark, 20 tabs, editor on the grid): 370-387 KiB a tab before; 300-306 with the first
 * two; 275-285 with TomcatWebSocketBufferSize; 263 with the socket buffers too. PushLargeMessageE2E checks that
 * large requests still arrive whole.
 */
@Configuration
class PushWebSocketSettings {

    /** PushConstants.WEBSOCKET_FRAGMENT_SIZE of Vaadin 25: the longest message its client sends over the socket. */
    static final int CLIENT_FRAGMENT_CHARS = 4095;

    static final Map<String, String> ATMOSPHERE = Map.of(
            // unused on JSR 356 (Tomcat); Atmosphere allocates it twice (bytes and chars) for every socket
            "org.atmosphere.websocket.bufferSize", "256",
            // Tomcat's per-session receive buffers (characters and bytes)
            "org.atmosphere.websocket.maxTextMessageSize", "4096",
            "org.atmosphere.websocket.maxBinaryMessageSize", "2048");

    static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    /**
     * Tomcat's per-connection socket buffers, 2 KiB each way instead of 8 KiB: every open tab holds one connection,
     * its WebSocket, for good (about 12 KiB a tab less measured). All connections get them; requests and responses
     * larger than that are read and written in more pieces (the HTTP header buffer, maxHttpHeaderSize, is apart).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSocketBuffers() {
        return factory -> factory.addConnectorCustomizers(c -> {
            c.setProperty("socket.appReadBufSize", "2048");
            c.setProperty("socket.appWriteBufSize", "2048");
        });
    }

    /** The Atmosphere settings as init parameters of Vaadin's servlet, where PushRequestHandler looks first. */
    @Bean
    static BeanPostProcessor pushInitParameters() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ServletRegistrationBean<?> registration
                        && registration.getServlet() instanceof SpringServlet) {
                    ATMOSPHERE.forEach((name, value) -> {
                        if (!registration.getInitParameters().containsKey(name)) {
                            registration.addInitParameter(name, value);
                        }
                    });
                }
                return bean;
            }
        };
    }

    /** The push WebSocket's upgrade without the browser's extension offer: no permessage-deflate. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pushWithoutCompression() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        chain.doFilter(request.getHeader(EXTENSIONS) == null ? request
                                : new WithoutExtensionOffer(request), response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/VAADIN/push", "/VAADIN/push/*");
        return registration;
    }

    /** A request without its {@code Sec-WebSocket-Extensions} header. */
    static final class WithoutExtensionOffer extends HttpServletRequestWrapper {

        WithoutExtensionOffer(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !EXTENSIONS.equalsIgnoreCase(name)).toList());
        }
    }
}
