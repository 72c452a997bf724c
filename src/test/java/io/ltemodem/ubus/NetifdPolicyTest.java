package io.ltemodem.ubus;

import io.ltemodem.engine.StateEvent;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.ModemState;
import io.ltemodem.model.StateKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NetifdPolicyTest {
    private final NetifdPolicy p = new NetifdPolicy();

    private static StateEvent ev(String modem, ModemState from, ModemState to) {
        return new StateEvent(modem, from, to, "test", 0);
    }

    private static final ModemState ONLINE = ModemState.of(StateKind.ONLINE);
    private static final ModemState SIM_GONE = ModemState.failed(StateKind.SIM_ABSENT, null, ErrorCode.SIM_ABSENT);
    private static final ModemState PIN = ModemState.failed(StateKind.NEEDS_USER, "PIN_FAILED", ErrorCode.PIN_FAILED);
    private static final ModemState RECOVERING = ModemState.failed(StateKind.RECOVERING, "1", ErrorCode.DATA_PATH_DEAD);

    @Test
    void aLostSessionThatNeedsAPersonTakesTheInterfaceDownOnce() {
        assertNull(p.onStateChange(ev("wwan", null, ONLINE)));
        assertNull(p.onStateChange(ev("wwan", ONLINE, RECOVERING)), "recovery is the daemon's job, not netifd's");
        assertEquals("down", p.onStateChange(ev("wwan", RECOVERING, SIM_GONE)));
        assertNull(p.onStateChange(ev("wwan", SIM_GONE, PIN)), "already down");
    }

    @Test
    void aModemThatNeverCameUpIsLeftToTheConnectReply() {
        assertNull(p.onStateChange(ev("wwan", null, PIN)));
    }

    @Test
    void afterADisconnectThereIsNothingToTakeDown() {
        p.onStateChange(ev("wwan", null, ModemState.of(StateKind.CONNECTED)));
        p.onDisconnect("wwan");
        assertNull(p.onStateChange(ev("wwan", ONLINE, SIM_GONE)));
    }

    @Test
    void modemsAreIndependent() {
        p.onStateChange(ev("a", null, ONLINE));
        assertNull(p.onStateChange(ev("b", null, SIM_GONE)));
        assertEquals("down", p.onStateChange(ev("a", ONLINE, SIM_GONE)));
    }

    @Test
    void ipChangesAskForARenew() {
        assertEquals("renew", p.onIpChanged("wwan"));
    }
}
