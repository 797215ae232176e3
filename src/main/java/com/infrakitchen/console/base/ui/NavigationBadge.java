package com.infrakitchen.console.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A number on a side-navigation entry (the count of failing integrations on "Health"), offered by the feature that
 * owns the view: {@code base} knows no feature, so features contribute badges as Spring beans and
 * {@link MainLayout} shows them on the entry of {@link #view()} when the count is above zero, reading it again on
 * every navigation. A feature whose view the user may not open has no entry, so its badge is not shown.
 */
public interface NavigationBadge {

    /** The view whose navigation entry carries the badge. */
    Class<? extends Component> view();

    /** The number to show; 0 shows nothing. Called on the UI thread at each navigation: keep it cheap. */
    long count();

    /** What the number means, for screen readers and the tooltip: "2 integrations failing". */
    String describe(long count);
}
