package io.ltemodem.mbim;

/** CONNECT (set or query): a session's activation state, IP type and network error (as printed). */
public record ConnectionStatus(int sessionId, ActivationState state, MbimIpType ipType, String nwError) {
    public boolean active() {
        return state == ActivationState.ACTIVATED;
    }
}
