package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.SetupFormPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Messages from the browser larger than the push WebSocket's receive buffers still arrive whole
 * (base/PushWebSocketSettings: a text buffer of 4096 characters, a byte buffer of 2048 bytes, Tomcat's 2 KiB input
 * buffer). Vaadin's client splits a UIDL request into WebSocket messages of at most 4095 characters; a description
 * of 12,000 characters, and one of 6,000 three-byte characters (18,000 bytes of UTF-8), must reach the server, which
 * answers with their length.
 */
@BrowserTest
class PushLargeMessageE2E {

    private BrowserSession browser;
    private SetupFormPage form;
    private String password;

    @BeforeEach
    void setUp(BrowserSession browser, E2eUsers users) {
        this.browser = browser;
        this.form = new SetupFormPage(browser);
        this.password = users.ensure("lars.large", "EDITOR");
    }

    @Test
    void aRequestOfManyWebSocketMessagesArrivesWhole() {
        browser.signIn("lars.large", password);
        browser.waitForUrl("/integrations");
        form.open();
        for (String text : new String[] {"d".repeat(12_000), "\u20ac".repeat(6_000)}) {
            // all but the last character set at once, the last one typed: the typing sends the whole value
            browser.driver().executeScript("arguments[0].value = arguments[1];",
                    browser.driver().findElement(By.id(SetupFormPage.DESCRIPTION)), text.substring(1));
            form.appendToDescription(text.substring(0, 1));
            String expected = "Description has " + text.length()
                    + " characters; at most 500";
            browser.waiting().until(d -> form.errorMessage(SetupFormPage.DESCRIPTION).replace(",", "").equals(expected));
            assertThat(form.description()).hasSize(text.length());
        }
    }
}
