package com.infrakitchen.console.base.ui;

import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.user.UserService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The frame around every signed-in screen: side navigation built from the views' {@code @Menu}
 * annotations, with only the entries the role may use; the signed-in user and role, a remembered
 * light/dark switch, and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Every view's {@code @PageTitle} ends with this; the navbar shows the part before it. */
    public static final String TITLE_SUFFIX = " · InfraKitchen";

    private final transient AuthenticationContext authenticationContext;
    private final transient UserService userService;
    private final transient List<NavigationBadge> badges;
    private final Map<NavigationBadge, Span> badgeSpans = new LinkedHashMap<>();
    private final Button themeToggle = new Button();
    private final SideNav nav = new SideNav();
    private final H1 viewTitle = new H1();
    private boolean dark;

    public MainLayout(AuthenticationContext authenticationContext, UserService userService,
            List<NavigationBadge> badges) {
        this.authenticationContext = authenticationContext;
        this.userService = userService;
        this.badges = List.copyOf(badges);
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("InfraKitchen");
        brand.addClassName("brand");
        Span product = new Span("Integrations Console");
        product.addClassName("brand-sub");
        Div brandBox = new Div(brand, product);
        brandBox.addClassName("brand-box");

        MenuConfiguration.getMenuEntries().forEach(this::addNavEntry);
        nav.addClassName("main-nav");
        nav.setId("main-nav");

        addToDrawer(brandBox, nav, userFooter());
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        viewTitle.addClassName("view-title");
        addToNavbar(toggle, viewTitle);
    }

    /**
     * One entry per view that carries {@code @Menu}, in its {@code order}. Vaadin lists only the views the
     * signed-in user's role may open (the same access annotations the router enforces), so the layout needs
     * to know no feature view.
     */
    private void addNavEntry(MenuEntry entry) {
        SideNavItem item = new SideNavItem(entry.title(), entry.menuClass());
        if (entry.icon() != null && !entry.icon().isBlank()) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        for (NavigationBadge badge : badges) {
            if (badge.view().equals(entry.menuClass())) {
                Span count = new Span();
                count.getElement().getThemeList().add("badge error pill small primary");
                count.addClassName("nav-badge");
                count.setVisible(false);
                item.setSuffixComponent(count);
                badgeSpans.put(badge, count);
            }
        }
        nav.addItem(item);
    }

    private Component userFooter() {
        Span name = new Span(CurrentUser.username());
        name.addClassName("user-name");
        Span role = new Span(CurrentUser.role().map(r -> r.toLowerCase(Locale.ROOT)).orElse(""));
        role.getElement().getThemeList().add("badge contrast small");
        role.addClassName("user-role");
        HorizontalLayout who = new HorizontalLayout(name, role);
        who.setAlignItems(HorizontalLayout.Alignment.CENTER);
        who.setSpacing(true);

        themeToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeToggle.addClickListener(e -> setDark(!dark, true));
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authenticationContext.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        themeToggle.setId("theme-toggle");
        HorizontalLayout actions = new HorizontalLayout(themeToggle, signOut);
        actions.setSpacing(false);

        Div footer = new Div(who, actions);
        footer.addClassName("user-footer");
        return footer;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        setDark(UserService.THEME_DARK.equals(userService.currentTheme()), false);
    }

    private void setDark(boolean newDark, boolean remember) {
        dark = newDark;
        getUI().ifPresent(ui -> ui.getPage().setColorScheme(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT));
        themeToggle.setText(dark ? "Light theme" : "Dark theme");
        themeToggle.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        if (remember) {
            userService.rememberTheme(dark ? UserService.THEME_DARK : UserService.THEME_LIGHT);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = "";
        if (getContent() instanceof HasDynamicTitle dynamic) {
            title = dynamic.getPageTitle();
        } else if (getContent() != null && getContent().getClass().isAnnotationPresent(PageTitle.class)) {
            title = getContent().getClass().getAnnotation(PageTitle.class).value();
        }
        viewTitle.setText(title.replace(TITLE_SUFFIX, ""));
        refreshBadges();
    }

    private void refreshBadges() {
        badgeSpans.forEach((badge, span) -> {
            long n = badge.count();
            span.setVisible(n > 0);
            span.setText(Long.toString(n));
            String description = badge.describe(n);
            span.getElement().setAttribute("title", description);
            span.getElement().setAttribute("aria-label", description);
        });
    }

    /** The badge of the entry of {@code view}, if a feature offers one. */
    Optional<Span> badgeOf(Class<? extends Component> view) {
        return badgeSpans.entrySet().stream().filter(e -> e.getKey().view().equals(view)).map(Map.Entry::getValue)
                .findFirst();
    }

    boolean isDark() {
        return dark;
    }

    SideNav nav() {
        return nav;
    }
}
