package io.ltemodem.sim;

import io.ltemodem.sim.AtCall.Kind;

import java.util.Locale;
import java.util.Map;

import static io.ltemodem.sim.AtFormat.q;

/**
 * Vendor command sets, switched on by a persona's {@code extensions}. A persona without them answers these
 * commands with {@code ERROR}, as the real module of another vendor would. Formats follow the vendors' manuals as
 * quoted in shared/reference/modem-domain.md §1.2 and §2.2.
 */
final class VendorAtCommands {
    private final ModemModel m;
    private final Persona p;

    VendorAtCommands(ModemModel model) {
        this.m = model;
        this.p = model.persona();
    }

    void register(Map<String, AtInterpreter.Handler> t) {
        if (p.hasExtension("quectel")) {
            t.put("+QENG", this::qeng);
            t.put("+QNWINFO", this::qnwinfo);
            t.put("+QCSQ", this::qcsq);
            t.put("+QPINC", this::qpinc);
        }
        if (p.hasExtension("simcom")) {
            t.put("+SPIC", this::spic);
            t.put("+CPSI", this::cpsi);
        }
        if (p.hasExtension("huawei")) {
            t.put("^CPIN", this::huaweiCpin);
            t.put("^SYSINFOEX", this::sysinfoex);
        }
    }

    private boolean radioOn() {
        return m.power() == PowerState.ON && m.cfun() == 1 && m.coverage();
    }

    /** Quectel reports SINR in 1/5 dB from -20 dB: 0..250. */
    private static int quectelSinr(int sinrDb) {
        return Math.max(0, Math.min(250, (sinrDb + 20) * 5));
    }

    private void qeng(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) {
            c.line("+QENG: \"servingcell\"");
            c.line("+QENG: \"neighbourcell\"");
            return;
        }
        if (c.kind != Kind.SET) throw AtError.error();
        String what = c.arg(0).toLowerCase(Locale.ROOT);
        if (what.equals("neighbourcell")) return; // no neighbours in a one-cell world
        if (!what.equals("servingcell")) throw AtError.error();
        Registration r = m.registration();
        if (!radioOn() || (!r.registered() && r != Registration.DENIED)) {
            c.line("+QENG: \"servingcell\",\"SEARCH\"");
            return;
        }
        String state = r == Registration.DENIED ? "LIMSRV" : m.activeContexts().isEmpty() ? "NOCONN" : "CONNECT";
        NetworkConfig n = m.network();
        RadioSignal sig = m.signal();
        c.line("+QENG: \"servingcell\"," + q(state) + ",\"LTE\",\"FDD\"," + n.mcc() + "," + n.mnc() + ","
                + n.cellId().replaceFirst("^0+(?=.)", "") + "," + n.pci() + "," + n.earfcn() + "," + n.band()
                + ",5,5," + n.tac() + "," + sig.rsrpDbm() + "," + Math.round(sig.rsrqDb()) + "," + sig.rssiDbm() + ","
                + quectelSinr(sig.sinrDb()) + ",10,-,40");
    }

    private void qnwinfo(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) return;
        if (c.kind != Kind.EXEC) throw AtError.error();
        if (!radioOn() || !m.registration().registered()) {
            c.line("+QNWINFO: No Service");
            return;
        }
        NetworkConfig n = m.network();
        c.line("+QNWINFO: \"FDD LTE\"," + q(n.operatorNumeric()) + "," + q("LTE BAND " + n.band()) + "," + n.earfcn());
    }

    private void qcsq(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) return;
        if (c.kind != Kind.EXEC) throw AtError.error();
        if (!radioOn() || !m.registration().registered()) {
            c.line("+QCSQ: \"NOSERVICE\"");
            return;
        }
        RadioSignal sig = m.signal();
        c.line("+QCSQ: \"LTE\"," + sig.rssiDbm() + "," + sig.rsrpDbm() + "," + quectelSinr(sig.sinrDb()) + ","
                + Math.round(sig.rsrqDb()));
    }

    private void qpinc(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        if (c.kind == Kind.TEST) {
            c.line("+QPINC: (\"SC\",\"P2\")");
            return;
        }
        m.requireSimReadable();
        String sc = "+QPINC: \"SC\"," + m.pinRetriesLeft() + "," + m.pukRetriesLeft();
        String p2 = "+QPINC: \"P2\"," + m.pinRetriesMax() + "," + m.pukRetriesMax();
        if (c.kind == Kind.READ) {
            c.line(sc);
            c.line(p2);
        } else if (c.kind == Kind.SET) {
            String fac = c.arg(0).toUpperCase(Locale.ROOT);
            if (fac.equals("SC")) c.line(sc);
            else if (fac.equals("P2")) c.line(p2);
            else throw AtError.error();
        } else {
            throw AtError.error();
        }
    }

    private void spic(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        if (c.kind == Kind.TEST) return;
        if (c.kind != Kind.EXEC) throw AtError.error();
        m.requireSimReadable();
        c.line("+SPIC: " + m.pinRetriesLeft() + "," + m.pukRetriesLeft() + "," + m.pinRetriesMax() + "," + m.pukRetriesMax());
    }

    private void cpsi(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) return;
        if (c.kind != Kind.READ) throw AtError.error();
        if (!radioOn() || !m.registration().registered()) {
            c.line("+CPSI: NO SERVICE,Online");
            return;
        }
        NetworkConfig n = m.network();
        RadioSignal sig = m.signal();
        c.line("+CPSI: LTE,Online," + n.mcc() + "-" + n.mnc() + ",0x" + n.tac() + "," + Long.parseLong(n.cellId(), 16)
                + "," + n.pci() + ",EUTRAN-BAND" + n.band() + "," + n.earfcn() + ",5,5," + Math.round(sig.rsrqDb() * 10)
                + "," + sig.rsrpDbm() * 10 + "," + sig.rssiDbm() * 10 + "," + sig.sinrDb());
    }

    /** {@code ^CPIN: <code>,[<times>],<puk_times>,<pin_times>,<puk2_times>,<pin2_times>}. */
    private void huaweiCpin(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        if (c.kind == Kind.TEST) return;
        if (c.kind != Kind.READ) throw AtError.error();
        SimCardState state = m.simState();
        if (state == SimCardState.ABSENT) throw new ModemFailureException(ModemFailure.SIM_NOT_INSERTED);
        if (state == SimCardState.BUSY) throw new ModemFailureException(ModemFailure.SIM_BUSY);
        String code;
        String times;
        switch (state) {
            case PIN -> {
                code = "SIM PIN";
                times = String.valueOf(m.pinRetriesLeft());
            }
            case PUK, BLOCKED -> {
                code = "SIM PUK";
                times = String.valueOf(m.pukRetriesLeft());
            }
            default -> {
                code = "READY";
                times = "";
            }
        }
        c.line("^CPIN: " + code + "," + times + "," + m.pukRetriesLeft() + "," + m.pinRetriesLeft() + ","
                + m.pukRetriesMax() + "," + m.pinRetriesMax());
    }

    /** {@code ^SYSINFOEX: <srv_status>,<srv_domain>,<roam>,<sim_state>,<lock>,<sysmode>,<name>,<submode>,<name>}. */
    private void sysinfoex(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) return;
        if (c.kind != Kind.EXEC) throw AtError.error();
        Registration r = m.registration();
        int srvStatus = r.registered() ? 2 : r == Registration.DENIED ? 1 : 0;
        int srvDomain = r.registered() ? (m.attached() ? 3 : 1) : 0;
        int simState = switch (m.simState()) {
            case READY -> 1;
            case ABSENT -> 255;
            case BUSY -> 240;
            default -> 0;
        };
        String mode = radioOn() && srvStatus > 0 ? "6,\"LTE\",101,\"LTE\"" : "0,\"NO SERVICE\",0,\"NO SERVICE\"";
        c.line("^SYSINFOEX: " + srvStatus + "," + srvDomain + "," + (r == Registration.ROAMING ? 1 : 0) + ","
                + simState + ",," + mode);
    }
}
