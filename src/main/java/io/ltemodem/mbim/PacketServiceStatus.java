package io.ltemodem.mbim;

/** PACKET_SERVICE: attach state and the network error the modem reports (as printed, e.g. {@code none}). */
public record PacketServiceStatus(PacketServiceState state, String nwError) {
    /** True attached, false detached (or on the way), null unknown. */
    public Boolean attached() {
        if (state == null || state == PacketServiceState.UNKNOWN) return null;
        return state == PacketServiceState.ATTACHED;
    }
}
