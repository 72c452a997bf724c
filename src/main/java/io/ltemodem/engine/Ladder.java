package io.ltemodem.engine;

import io.ltemodem.sys.Clock;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

/**
 * Escalation with memory (DESIGN §4): a problem that comes back before the modem has been stable for
 * {@code stablePeriodMs} climbs one level higher than the last step, after a backoff; a stable period drops
 * the ladder back to L0. Resets (L3..L5) are capped per hour: past the cap the modem is quarantined and only
 * retried slowly. After L5, L6 gives up loudly and retries from the start after a long pause.
 *
 * <p>Pure logic on an injected clock; not thread-safe (one reconciler thread owns it).
 */
public final class Ladder {
    public sealed interface Decision permits Step, Wait, Quarantine {
    }

    /** Take this recovery step now. */
    public record Step(RecoveryLevel level, Problem problem, int attempt) implements Decision {
    }

    /** Backing off: do nothing about it until {@code until}. */
    public record Wait(long until) implements Decision {
    }

    /** The hourly reset cap is reached: no reset until {@code until}. */
    public record Quarantine(long until, int resetsLastHour) implements Decision {
    }

    public record Settings(int maxResetsPerHour, long stablePeriodMs, long baseBackoffMs, long maxBackoffMs,
                           long quarantineRetryMs, long giveUpRetryMs) {
        public static Settings defaults() {
            return new Settings(3, 300_000, 2_000, 120_000, 600_000, 1_800_000);
        }
    }

    private static final long HOUR = 3_600_000L;

    private final Clock clock;
    private Settings settings;
    private RecoveryLevel last;
    private int attempts;
    private long notBefore;
    private long healthySince = -1;
    private long quarantinedUntil = -1;
    private final Deque<Long> resets = new ArrayDeque<>();

    public Ladder(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    public void settings(Settings s) {
        settings = s;
    }

    /** What to do about {@code problem} now. */
    public Decision onProblem(Problem problem) {
        return onProblem(problem, level -> true);
    }

    /**
     * What to do about {@code problem} now, climbing past the levels this modem's drivers cannot take (a modem
     * without a control plane has no session to restart, no radio to toggle, no soft reset: it starts at L4).
     */
    public Decision onProblem(Problem problem, Predicate<RecoveryLevel> possible) {
        long now = clock.millis();
        healthySince = -1;
        pruneResets(now);
        if (now < notBefore) return new Wait(notBefore);
        RecoveryLevel level = last == null ? problem.firstLevel() : max(problem.firstLevel(), last.next());
        while (level != RecoveryLevel.L6_GIVE_UP && !possible.test(level)) level = level.next();
        if (level == RecoveryLevel.L6_GIVE_UP) {
            // Everything failed: say so, pause long, then start over from the problem's own level.
            last = null;
            attempts++;
            notBefore = now + settings.giveUpRetryMs();
            return new Step(RecoveryLevel.L6_GIVE_UP, problem, attempts);
        }
        if (level.isReset() && resets.size() >= settings.maxResetsPerHour()) {
            // No reset until the oldest one leaves the hour window; meanwhile the reconciler only re-probes,
            // slowly (quarantineRetryMs), and takes the non-reset steps toward online.
            quarantinedUntil = resets.peekFirst() + HOUR;
            notBefore = Math.min(quarantinedUntil, now + settings.quarantineRetryMs());
            return new Quarantine(quarantinedUntil, resets.size());
        }
        quarantinedUntil = -1;
        last = level;
        attempts++;
        notBefore = now + backoff(attempts);
        if (level.isReset()) resets.addLast(now);
        return new Step(level, problem, attempts);
    }

    /** A recovery the user asked for (ubus {@code reset}): counts against the cap like any other reset. */
    public Decision manual(RecoveryLevel level) {
        long now = clock.millis();
        pruneResets(now);
        if (level.isReset() && resets.size() >= settings.maxResetsPerHour()) {
            return new Quarantine(resets.peekFirst() + HOUR, resets.size());
        }
        if (level.isReset()) resets.addLast(now);
        return new Step(level, null, attempts);
    }

    /** The modem is online (verified). After a stable period the ladder forgets its climb. */
    public void onHealthy() {
        long now = clock.millis();
        if (healthySince < 0) healthySince = now;
        if (now - healthySince >= settings.stablePeriodMs()) {
            last = null;
            attempts = 0;
            notBefore = 0;
        }
        quarantinedUntil = -1;
    }

    public RecoveryLevel currentLevel() {
        return last == null ? RecoveryLevel.L0_REPROBE : last;
    }

    public int attempts() {
        return attempts;
    }

    public boolean quarantined() {
        return quarantinedUntil > clock.millis();
    }

    public int resetsLastHour() {
        pruneResets(clock.millis());
        return resets.size();
    }

    private long backoff(int attempt) {
        long b = settings.baseBackoffMs() << Math.min(10, Math.max(0, attempt - 1));
        return Math.min(b, settings.maxBackoffMs());
    }

    private void pruneResets(long now) {
        while (!resets.isEmpty() && resets.peekFirst() + HOUR <= now) resets.removeFirst();
    }

    private static RecoveryLevel max(RecoveryLevel a, RecoveryLevel b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
