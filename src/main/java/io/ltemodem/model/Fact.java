package io.ltemodem.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * One observed fact: a value and the clock time it was seen, or "unknown".
 * Unknown is a value of its own: a failed probe step yields {@link #unknown()}, never a guess.
 */
public final class Fact<T> {
    private static final Fact<?> UNKNOWN = new Fact<>(null, -1);

    private final T value;
    private final long at;

    private Fact(T value, long at) {
        this.value = value;
        this.at = at;
    }

    public static <T> Fact<T> of(T value, long at) {
        return value == null ? unknown() : new Fact<>(value, at);
    }

    @SuppressWarnings("unchecked")
    public static <T> Fact<T> unknown() {
        return (Fact<T>) UNKNOWN;
    }

    public boolean known() {
        return value != null;
    }

    /** The value, or null when unknown. */
    public T value() {
        return value;
    }

    public T orElse(T fallback) {
        return value != null ? value : fallback;
    }

    /** When it was observed (clock millis), or -1 when unknown. */
    public long at() {
        return at;
    }

    public <R> Fact<R> map(Function<? super T, ? extends R> f) {
        return value == null ? unknown() : Fact.of(f.apply(value), at);
    }

    public boolean is(T expected) {
        return value != null && value.equals(expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fact<?> f && Objects.equals(value, f.value) && at == f.at;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, at);
    }

    @Override
    public String toString() {
        return value == null ? "unknown" : String.valueOf(value);
    }
}
