package io.ltemodem.engine;

/** The recovery ladder (DESIGN §4), cheapest first. L3..L5 reset the modem and count against the hourly cap. */
public enum RecoveryLevel {
    L0_REPROBE("reprobe"),
    L1_SESSION("session"),
    L2_RADIO("radio"),
    L3_MODEM("modem"),
    L4_USB("usb"),
    L5_POWER("power"),
    L6_GIVE_UP("give_up");

    private final String wireName;

    RecoveryLevel(String wireName) {
        this.wireName = wireName;
    }

    public int number() {
        return ordinal();
    }

    /** The name used by ubus {@code reset} and in status. */
    public String wireName() {
        return wireName;
    }

    public boolean isReset() {
        return this == L3_MODEM || this == L4_USB || this == L5_POWER;
    }

    public RecoveryLevel next() {
        return this == L6_GIVE_UP ? L6_GIVE_UP : values()[ordinal() + 1];
    }

    public static RecoveryLevel fromWireName(String name) {
        for (RecoveryLevel l : values()) if (l.wireName.equals(name)) return l;
        return null;
    }
}
