package com.infrakitchen.console.support;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.latest.network.Network;
import org.openqa.selenium.devtools.latest.network.model.RequestId;

/**
 * Records everything the browser receives (response bodies of every HTTP response, every WebSocket frame
 * of Vaadin push) through the Chrome DevTools protocol, so a test can assert that a canary never reached
 * the browser by any channel.
 */
public final class NetworkRecorder implements AutoCloseable {

    private final DevTools devTools;
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger responses = new AtomicInteger();
    private final AtomicInteger frames = new AtomicInteger();

    public NetworkRecorder(ChromeDriver driver) {
        devTools = driver.getDevTools();
        devTools.createSession();
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        devTools.addListener(Network.responseReceived(), e -> received.add(e.getResponse().getHeaders().toString()));
        devTools.addListener(Network.loadingFinished(), e -> body(e.getRequestId()));
        devTools.addListener(Network.webSocketFrameReceived(), e -> {
            frames.incrementAndGet();
            received.add(e.getResponse().getPayloadData());
        });
    }

    private void body(RequestId id) {
        try {
            Network.GetResponseBodyResponse body = devTools.send(Network.getResponseBody(id));
            responses.incrementAndGet();
            received.add(body.getBase64Encoded()
                    ? new String(java.util.Base64.getDecoder().decode(body.getBody()),
                            java.nio.charset.StandardCharsets.UTF_8)
                    : body.getBody());
        } catch (RuntimeException e) {
            // bodies of redirects and of requests the page cancelled are not available; nothing to check
        }
    }

    public boolean sawText(String text) {
        return received.stream().anyMatch(s -> s != null && s.contains(text));
    }

    public int responseBodies() {
        return responses.get();
    }

    public int webSocketFrames() {
        return frames.get();
    }

    @Override
    public void close() {
        devTools.close();
    }
}
