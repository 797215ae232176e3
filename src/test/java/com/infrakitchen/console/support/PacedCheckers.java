package com.infrakitchen.console.support;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.ConnectionChecker;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.credential.CredentialInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The real checkers, wrapped so a test decides when each step of a run completes: import it in a test class that
 * shows progress step by step. A wrapped checker runs the real check on a handle of its own (cancelled with the
 * run's; what it reports itself is not passed on, so steps are never reported twice), then reports the result's
 * steps to the run one by one, each when {@link #PACE} lets it through, and returns the result; Cancel while it
 * waits ends the run as cancelled. {@link Pace#echoSecret} makes it behave like a server that echoes the secret in
 * its messages. Without {@link Pace#hold()} steps pass at once.
 */
@TestConfiguration
public class PacedCheckers {

    /** The switches of every wrapped checker of the JVM; tests reset them. */
    public static final Pace PACE = new Pace();

    @Bean
    static BeanPostProcessor pacedConnectionCheckers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ConnectionChecker<?> checker ? paced(checker) : bean;
            }
        };
    }

    public static final class Pace {
        private volatile Semaphore gate;
        private volatile boolean echoSecret;

        /** From now on each step waits for {@link #release}. */
        public void hold() {
            gate = new Semaphore(0);
        }

        public void release(int steps) {
            Semaphore g = gate;
            if (g != null) {
                g.release(steps);
            }
        }

        /** Steps pass at once again, the secret is not echoed. */
        public void reset() {
            Semaphore g = gate;
            gate = null;
            echoSecret = false;
            if (g != null) {
                g.release(1_000);
            }
        }

        /** The first step's message and the deciding exchange repeat the credential's first secret. */
        public void echoSecret(boolean echo) {
            echoSecret = echo;
        }
    }

    static <C extends CredentialInput> ConnectionChecker<C> paced(ConnectionChecker<C> real) {
        return new ConnectionChecker<>() {
            @Override
            public String provider() {
                return real.provider();
            }

            @Override
            public Class<C> credentialType() {
                return real.credentialType();
            }

            @Override
            public boolean failsLocally(String organization, C credential) {
                return real.failsLocally(organization, credential);
            }

            @Override
            public CheckResult check(String organization, C credential, String fingerprint, Cancellation run) {
                Cancellation own = new Cancellation();
                run.onCancel(own::cancel);
                CheckResult r = real.check(organization, credential, fingerprint, own);
                if (PACE.echoSecret && !credential.secrets().isEmpty()) {
                    r = echoed(r, credential.secrets().getFirst());
                }
                List<CheckStep> done = new ArrayList<>();
                for (CheckStep step : r.steps()) {
                    if (!await(run)) {
                        return new CheckResult(CheckCategory.CANCELLED, organization, null, null, null, done, null,
                                r.startedAt(), r.durationMillis(), fingerprint);
                    }
                    done.add(step);
                    run.stepDone(step);
                }
                return r;
            }
        };
    }

    private static boolean await(Cancellation run) {
        while (!run.isCancelled()) {
            Semaphore g = PACE.gate;
            try {
                if (g == null || g.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                    return !run.isCancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static CheckResult echoed(CheckResult r, Secret secret) {
        String value = secret.reveal();
        String message = "TF400813: the credential '" + value + "' is not authorized (got Basic "
                + Base64.getEncoder().encodeToString((":" + value).getBytes(
                        StandardCharsets.UTF_8)) + ")";
        List<CheckStep> steps = new ArrayList<>(r.steps());
        if (!steps.isEmpty()) {
            CheckStep s = steps.getFirst();
            steps.set(0, new CheckStep(s.name(), s.status(), s.summary() + " Server said: " + message,
                    s.durationMillis(), s.http()));
        }
        HttpDetails d = r.decisive();
        HttpDetails decisive = new HttpDetails(d == null ? "GET" : d.method(), d == null ? null : d.url(),
                d == null ? 401 : d.status(), d == null ? null : d.contentType(), message,
                d == null ? null : d.activityId(), null, null, null);
        return new CheckResult(r.category(), r.organization(), r.identity(), r.projectCount(), r.repositoryCount(),
                steps, decisive, r.startedAt(), r.durationMillis(), r.fingerprint());
    }
}
