package com.infrakitchen.console.base;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Tomcat's WebSocket buffer size, 2 KiB instead of 8 KiB: each push WebSocket's input, output and encoder buffers
 * (three a socket; issue 14 "Memory", see {@link PushWebSocketSettings}). Tomcat reads it only as a system property,
 * once, when its WebSocket classes load, so it is set here, before any context starts (also each test's context, and
 * the jar run as {@code java -jar}), unless it was set on the command line. Messages larger than the buffer are sent
 * and read in pieces (more, smaller frames to the browser: a grid's first UIDL of a few tens of KB in 2 KiB frames).
 * Measured with 20 tabs on the grid: about 20 KiB a tab less.
 */
public class TomcatWebSocketBufferSize implements EnvironmentPostProcessor {

    static final String PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    static final String BYTES = "2048";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, BYTES);
        }
    }
}
