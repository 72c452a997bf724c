package io.ltemodem.model;

/** SIM state and the retry counters, each counter null when unknown. */
public record SimStatus(SimState state, Integer pinRetries, Integer pukRetries) {
    public SimStatus withRetries(Integer pin, Integer puk) {
        return new SimStatus(state, pin, puk);
    }
}
