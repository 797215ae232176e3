package com.infrakitchen.console.support;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin's security configuration installs its context holder strategy in the static
 * {@link SecurityContextHolder} when a Spring context starts. With several cached test contexts, the
 * static holder ends up pointing at the strategy of the last context started, while {@code @WithMockUser}
 * writes into the strategy of the running test's context: the code under test then sees nobody signed
 * in. Before each test, this points the static holder back at the running context's strategy.
 */
public class SecurityStrategyAlignment implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(
                SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return 0; // before WithSecurityContextTestExecutionListener (10000)
    }
}
