package com.infrakitchen.console.integration.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of one test in their fixed order, as they complete (docs/product.md 7, the ladder): each step is reported
 * to the test's {@link Cancellation} the moment it is added, for the screens that show progress; and when the test
 * fails, every step of the order after the last one added is added as skipped, "Not reached", so that the ladder
 * always shows the whole path and where it stopped. Steps outside the order (say, a token expiry note) may be added
 * too; they are never "not reached". One checker run, one thread.
 */
public final class CheckLadder {

    /** The summary of a step that did not run because an earlier one failed. */
    public static final String NOT_REACHED = "Not reached";

    private final List<String> order;
    private final Cancellation cancellation;
    private final List<CheckStep> steps = new ArrayList<>();

    public CheckLadder(List<String> order, Cancellation cancellation) {
        this.order = List.copyOf(order);
        this.cancellation = cancellation;
    }

    /** Adds a completed step and reports it. */
    public void add(CheckStep step) {
        steps.add(step);
        cancellation.stepDone(step);
    }

    public void addAll(List<CheckStep> completed) {
        completed.forEach(this::add);
    }

    /** Whether a step of that name was added. */
    public boolean has(String name) {
        return steps.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Adds "Not reached" for every step of the order after the last one added that is in the order. */
    public void notReachedAfterLast() {
        int last = -1;
        for (CheckStep step : steps) {
            last = Math.max(last, order.indexOf(step.name()));
        }
        for (int i = last + 1; i < order.size(); i++) {
            if (!has(order.get(i))) {
                add(CheckStep.skipped(order.get(i), NOT_REACHED));
            }
        }
    }

    public List<CheckStep> steps() {
        return List.copyOf(steps);
    }
}
