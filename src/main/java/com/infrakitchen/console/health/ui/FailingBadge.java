package com.infrakitchen.console.health.ui;

import com.infrakitchen.console.base.ui.NavigationBadge;
import com.infrakitchen.console.health.HealthService;
import com.vaadin.flow.component.Component;

/** The number of failing integrations on the navigation's "Health" entry (docs/product.md 8). */
@org.springframework.stereotype.Component
class FailingBadge implements NavigationBadge {

    private final HealthService health;

    FailingBadge(HealthService health) {
        this.health = health;
    }

    @Override
    public Class<? extends Component> view() {
        return HealthView.class;
    }

    @Override
    public long count() {
        return health.failingCount();
    }

    @Override
    public String describe(long count) {
        return count == 1 ? "1 integration failing" : count + " integrations failing";
    }
}
