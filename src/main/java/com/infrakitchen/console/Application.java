package com.infrakitchen.console;

import com.infrakitchen.console.secret.KeysetCommand;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Spring Boot entry point and the Vaadin application shell (theme, push, page title). */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/console.css")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        Optional<Path> keyset = KeysetCommand.requested(args);
        if (keyset.isPresent()) {
            // A command of the jar itself (README, "Key set"): makes a key set and exits; the console does not start.
            System.exit(KeysetCommand.create(keyset.get(), System.out));
        }
        SpringApplication.run(Application.class, args);
    }

    /** Every "now" in the console comes from this clock, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("InfraKitchen Integrations Console");
    }
}
