package com.infrakitchen.console.support;

import com.infrakitchen.console.security.LoginThrottle;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.user.UserService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What every real-browser test did by hand (see {@link BrowserTest}): reset the sign-in throttle and the fakes, start
 * Chromium on the console's port, and close it afterwards whatever happened. Resolves {@link BrowserSession} and
 * {@link E2eUsers} parameters.
 */
public final class BrowserExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Browser.assumeEnabled();
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        spring.getBean(LoginThrottle.class).reset();
        FakeAzureDevOpsInitializer.shared().reset();
        FakeAzureDevOpsInitializer.sharedSsh().reset();
        int port = Integer.parseInt(spring.getEnvironment().getRequiredProperty("local.server.port"));
        context.getStore(NS).put(BrowserSession.class, new BrowserSession(port));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FakeAzureDevOpsInitializer.shared().reset();
        FakeAzureDevOpsInitializer.sharedSsh().reset();
        BrowserSession browser = context.getStore(NS).remove(BrowserSession.class, BrowserSession.class);
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == BrowserSession.class || type == E2eUsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == E2eUsers.class) {
            return new E2eUsers(SpringExtension.getApplicationContext(context).getBean(UserService.class));
        }
        BrowserSession browser = context.getStore(NS).get(BrowserSession.class, BrowserSession.class);
        if (browser == null) {
            throw new IllegalStateException("BrowserSession is available in test methods, after beforeEach");
        }
        return browser;
    }
}
