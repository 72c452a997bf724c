package io.ltemodem.engine;

import io.ltemodem.model.ErrorCode;

/** The one next step toward the desired state that the planner picks each cycle. */
public sealed interface Action {
    /** ATE0, +CMEE=1, +CEREG=2, +CGEREP: what the modem forgets on every reboot. */
    record Init() implements Action {
    }

    record EnterPin(String pin) implements Action {
        @Override
        public String toString() {
            return "EnterPin[***]";
        }
    }

    record RadioOn() implements Action {
    }

    record DefineContext(int cid, String pdpType, String apn) implements Action {
    }

    record Attach() implements Action {
    }

    record StartBearer() implements Action {
    }

    record StopBearer() implements Action {
    }

    /** Nothing to do but wait for the modem or the network (searching, SIM busy). */
    record Wait(String why) implements Action {
    }

    /** Stop here: a person must act (PIN, PUK, SIM, denied, configuration). */
    record Park(ErrorCode why) implements Action {
    }

    /** At the desired state. */
    record Done() implements Action {
    }
}
