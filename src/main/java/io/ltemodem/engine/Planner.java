package io.ltemodem.engine;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.HostLink;
import io.ltemodem.model.ModemState;
import io.ltemodem.model.PdpContext;
import io.ltemodem.model.Registration;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.ReportingConfig;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.model.StateKind;

import java.util.Locale;

/**
 * Compares what the probe saw with what is wanted and picks the ONE next action (DESIGN §4). A pure
 * function of its inputs: the same snapshot always gives the same plan, which is what makes every step
 * idempotent — a step already done shows in the snapshot and is not planned again.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * @param initDone whether the init commands were sent since the port was (re)opened and the modem last rebooted
     * @param up       whether a data session is wanted (netifd's connect/disconnect)
     */
    public static Plan plan(Snapshot s, ModemConfig want, boolean up, PinPolicy pins, boolean initDone) {
        // The control port (AT, or QMI on a modem without one) must answer; a silent data-only port does not stop this.
        if (!s.controlResponsive().is(true)) {
            return new Plan(ModemState.failed(StateKind.NOT_RESPONDING, null, ErrorCode.NOT_RESPONDING), new Action.Wait("control port silent"));
        }
        if (needsInit(s, initDone)) return new Plan(ModemState.of(StateKind.ENUMERATING), new Action.Init());

        Plan sim = planSim(s, want, pins);
        if (sim != null) return sim;

        Integer cfun = s.radio().value();
        if (cfun == null) return new Plan(ModemState.of(StateKind.ENUMERATING), new Action.Wait("radio state unknown"));
        if (cfun != 1) return new Plan(ModemState.of(StateKind.RADIO_OFF), new Action.RadioOn());

        // The attach APN on LTE comes from context 1, so the context is right before registration is awaited.
        if (s.pdpContexts().known()) {
            PdpContext have = s.context(want.profile());
            if (!contextMatches(have, want)) {
                return new Plan(registrationState(s), new Action.DefineContext(want.profile(), want.pdpType().at(), want.apn()));
            }
        }

        Registration reg = s.bestRegistration().value();
        if (reg == null) return new Plan(ModemState.of(StateKind.SEARCHING), new Action.Wait("registration unknown"));
        if (reg.stat() == RegStat.DENIED) {
            return new Plan(ModemState.failed(StateKind.DENIED, null, ErrorCode.REGISTRATION_DENIED), new Action.Park(ErrorCode.REGISTRATION_DENIED));
        }
        if (!reg.stat().registered()) return new Plan(ModemState.of(StateKind.SEARCHING), new Action.Wait("searching for a network"));
        boolean roaming = reg.stat().roaming();
        if (roaming && !want.allowRoaming()) {
            return new Plan(ModemState.failed(StateKind.REGISTERED, "roaming", ErrorCode.ROAMING_NOT_ALLOWED),
                    up && Boolean.TRUE.equals(s.contextActive(want.profile())) ? new Action.StopBearer() : new Action.Park(ErrorCode.ROAMING_NOT_ALLOWED));
        }
        String where = roaming ? "roaming" : "home";

        if (!s.psAttached().known()) return new Plan(ModemState.of(StateKind.REGISTERED, where), new Action.Wait("attach state unknown"));
        if (!s.psAttached().value()) return new Plan(ModemState.of(StateKind.REGISTERED, where), new Action.Attach());

        Boolean active = s.contextActive(want.profile());
        if (!up) {
            return new Plan(ModemState.of(StateKind.ATTACHED), Boolean.TRUE.equals(active) ? new Action.StopBearer() : new Action.Done());
        }
        if (active == null) return new Plan(ModemState.of(StateKind.ATTACHED), new Action.Wait("bearer state unknown"));
        if (!active) return new Plan(ModemState.of(StateKind.ATTACHED), new Action.StartBearer());
        if (!s.ipConfig().known()) return new Plan(ModemState.of(StateKind.CONNECTING), new Action.Wait("IP configuration unknown"));
        if (!s.ipConfig().value().hasAddress()) {
            return new Plan(ModemState.failed(StateKind.CONNECTING, null, ErrorCode.NO_IP), new Action.Wait("the session has no address"));
        }
        return new Plan(ModemState.of(StateKind.CONNECTED), new Action.Done());
    }

    /** The state detail of a modem that has no control plane: everything it shows comes from its link. */
    public static final String NO_CONTROL_PLANE = "no control plane";

    /**
     * A modem with no control plane (a HiLink stick: a router in the stick, dialling by itself): there is no SIM,
     * radio or registration to ask about and nothing to order, so the state follows from the host link alone — the
     * data path check then tells CONNECTED from ONLINE. netifd's disconnect cannot end the stick's own session.
     */
    public static Plan planLinkOnly(Snapshot s, boolean up) {
        HostLink link = s.host().value();
        if (link == null || !link.present()) {
            return new Plan(ModemState.of(StateKind.ENUMERATING, NO_CONTROL_PLANE), new Action.Wait("waiting for the network device"));
        }
        if (!up) return new Plan(ModemState.of(StateKind.ATTACHED, NO_CONTROL_PLANE), new Action.Done());
        if (!s.ipConfig().known()) {
            return new Plan(ModemState.of(StateKind.CONNECTING, NO_CONTROL_PLANE), new Action.Wait("waiting for the link to " + link.netdev()));
        }
        return new Plan(ModemState.of(StateKind.CONNECTED, NO_CONTROL_PLANE), new Action.Done());
    }

    /**
     * Init when the modem reports differently from what we want (it rebooted and forgot), or when we cannot tell
     * and have not sent it since the port was opened. A modem already set up, say by a daemon before a restart,
     * needs nothing.
     */
    static boolean needsInit(Snapshot s, boolean initDone) {
        ReportingConfig r = s.reporting().value();
        if (r != null && r.mismatch()) return true;
        if (r != null && r.asWanted()) return false;
        return !initDone;
    }

    private static Plan planSim(Snapshot s, ModemConfig want, PinPolicy pins) {
        SimStatus sim = s.sim().value();
        if (sim == null) return new Plan(ModemState.of(StateKind.ENUMERATING), new Action.Wait("SIM state unknown"));
        String iccid = s.identity().known() ? s.identity().value().iccid() : null;
        return switch (sim.state()) {
            case READY -> null;
            case ABSENT -> new Plan(ModemState.failed(StateKind.SIM_ABSENT, null, ErrorCode.SIM_ABSENT), new Action.Park(ErrorCode.SIM_ABSENT));
            case BUSY -> new Plan(ModemState.of(StateKind.SIM_BUSY), new Action.Wait("SIM busy"));
            case FAILURE -> new Plan(ModemState.failed(StateKind.NEEDS_USER, ErrorCode.SIM_FAILURE.name(), ErrorCode.SIM_FAILURE),
                    new Action.Park(ErrorCode.SIM_FAILURE));
            default -> planLock(pins.decide(sim, want.pincode(), iccid));
        };
    }

    private static Plan planLock(PinPolicy.Verdict v) {
        if (v instanceof PinPolicy.SendPin p) return new Plan(ModemState.of(StateKind.LOCKED, "pin"), new Action.EnterPin(p.pin()));
        if (v instanceof PinPolicy.NeedsUser n) {
            return new Plan(ModemState.failed(StateKind.NEEDS_USER, n.reason().name(), n.reason()), new Action.Park(n.reason()));
        }
        return null;
    }

    /** What registration alone says, for plans made before registration is examined. */
    private static ModemState registrationState(Snapshot s) {
        Registration r = s.bestRegistration().value();
        if (r != null && r.stat().registered()) return ModemState.of(StateKind.REGISTERED, r.stat().roaming() ? "roaming" : "home");
        return ModemState.of(StateKind.SEARCHING);
    }

    /** PDP types compare without case; an empty wanted APN means "the network's default" and matches anything. */
    static boolean contextMatches(PdpContext have, ModemConfig want) {
        if (have == null) return false;
        if (!have.type().toUpperCase(Locale.ROOT).equals(want.pdpType().at())) return false;
        return want.apn().isEmpty() || want.apn().equalsIgnoreCase(have.apn());
    }
}
