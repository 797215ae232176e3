package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.check.CheckRun;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.LatestCheck;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Test Connection on the Overview of a saved integration: what a test of the form's values asks the service (which
 * decides what differs from the stored values and whether the result is stored), the key of those values, and the
 * stored result shown as current only against the values it tested.
 */
final class OverviewTest {

    private final CheckService checks;
    private final IntegrationForm form;
    private final Supplier<IntegrationDetail> current;
    private final Runnable storedChanged;
    private @Nullable ConnectionTestControl control;

    /** {@code storedChanged} runs (in the UI) when a test's result became the integration's stored one. */
    OverviewTest(CheckService checks, IntegrationForm form, Supplier<IntegrationDetail> current,
            Runnable storedChanged) {
        this.checks = checks;
        this.form = form;
        this.current = current;
        this.storedChanged = storedChanged;
    }

    void showIn(ConnectionTestControl connection) {
        this.control = connection;
    }

    /** Tests what the Overview holds now. */
    Optional<CheckRun> start() {
        UI ui = UI.getCurrent();
        var run = form.editor().forTest(true).map(change -> checks.test(request(change)));
        run.filter(CheckRun::storesResult).ifPresent(r -> r.result().thenRun(() -> Push.access(ui, storedChanged::run)));
        return run;
    }

    String valuesKey() {
        return checks.valuesKey(request(form.editor().forTest(false).orElse(null)));
    }

    /** The integration's newest stored result, outdated against edited values; "not tested" when there is none. */
    void showStored(IntegrationDetail detail) {
        ConnectionTestControl connection = control;
        if (connection == null || connection.isTesting()) {
            return;
        }
        LatestCheck last = checks.latest(List.of(detail.id())).get(detail.id());
        if (last == null) {
            connection.indicator.showNotTested();
            return;
        }
        connection.showStored(last.record().asResult(), last.outdated(), checks.valuesKey(TestRequest.ofSaved(
                detail.id(), detail.version(), detail.data().organization(),
                CredentialChange.keep(detail.credential().settings()))));
        if (!last.outdated()) {
            checks.connectionState(detail.id()).ifPresent(connection.indicator::showSince);
        }
    }

    private TestRequest request(@Nullable CredentialChange change) {
        IntegrationDetail d = current.get();
        return TestRequest.ofSaved(d.id(), d.version(), form.organizationValue(), change);
    }
}
