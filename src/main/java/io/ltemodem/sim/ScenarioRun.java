package io.ltemodem.sim;

import io.ltemodem.sys.Clock;
import io.ltemodem.sys.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** A {@link Scenario} playing on one simulator: its steps are scheduled in the simulator's clock. */
public final class ScenarioRun {
    private static final Logger log = LoggerFactory.getLogger(ScenarioRun.class);

    private final Scenario scenario;
    private final Clock clock;
    private final List<SimScheduler.Task> tasks = new ArrayList<>();
    private int done;
    private boolean cancelled;

    ScenarioRun(SimModem sim, Scenario scenario, SimScheduler scheduler) {
        this.scenario = scenario;
        this.clock = scheduler.clock();
        for (Scenario.Step step : scenario.steps()) {
            tasks.add(scheduler.schedule(step.at(), () -> run(sim, step)));
        }
    }

    private void run(SimModem sim, Scenario.Step step) {
        synchronized (this) {
            if (cancelled) return;
        }
        log.info("{}: scenario '{}' at {} ms: {} {}", sim.name(), scenario.name(), step.at(), step.action(), step.args());
        try {
            Scenario.apply(sim, step);
        } finally {
            synchronized (this) {
                done++;
                notifyAll();
            }
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Steps that have run so far. */
    public synchronized int stepsDone() {
        return done;
    }

    public synchronized boolean finished() {
        return done == scenario.steps().size();
    }

    /** Waits until every step has run; false after {@code clockMillis} or when cancelled. */
    public synchronized boolean awaitDone(long clockMillis) throws InterruptedException {
        Deadline d = Deadline.in(clock, clockMillis);
        while (!finished()) {
            if (cancelled || d.expired()) return false;
            clock.waitOn(this, d.remaining());
        }
        return true;
    }

    /** Steps that have not run will not. */
    public synchronized void cancel() {
        cancelled = true;
        tasks.forEach(SimScheduler.Task::cancel);
        notifyAll();
    }
}
