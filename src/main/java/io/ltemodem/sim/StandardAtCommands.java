package io.ltemodem.sim;

import io.ltemodem.sim.AtCall.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.ltemodem.sim.AtFormat.q;

/** The V.250 and 3GPP TS 27.007 commands every persona answers. */
final class StandardAtCommands {
    private final ModemModel m;
    private final Persona p;

    StandardAtCommands(ModemModel model) {
        this.m = model;
        this.p = model.persona();
    }

    void register(Map<String, AtInterpreter.Handler> t) {
        // V.250 basic commands
        t.put("E", (c, s) -> s.echo = flag(c));
        t.put("V", (c, s) -> s.verbose = flag(c));
        t.put("Q", (c, s) -> {
            if (c.basicValue > 0) throw AtError.error(); // quiet mode is not simulated
        });
        t.put("X", (c, s) -> range(c.basicValue, 0, 4));
        t.put("&C", (c, s) -> range(c.basicValue, 0, 1));
        t.put("&D", (c, s) -> range(c.basicValue, 0, 2));
        t.put("&W", (c, s) -> range(c.basicValue, 0, 1));
        t.put("&F", (c, s) -> s.reset(p));
        t.put("Z", (c, s) -> s.reset(p));
        t.put("I", (c, s) -> {
            if (c.basicValue > 0) throw AtError.error();
            for (String l : p.ati()) c.line(p.expand(l));
        });
        t.put("+CMEE", this::cmee);

        // identity
        AtInterpreter.Handler manufacturer = identity(p.manufacturer());
        AtInterpreter.Handler model = identity(p.model());
        AtInterpreter.Handler revision = identity(p.revision());
        t.put("+CGMI", manufacturer);
        t.put("+GMI", manufacturer);
        t.put("+CGMM", model);
        t.put("+GMM", model);
        t.put("+CGMR", revision);
        t.put("+GMR", revision);
        t.put("+CGSN", this::cgsn);
        t.put("+GSN", identity(p.imei()));
        t.put("+CIMI", (c, s) -> {
            if (c.kind == Kind.TEST) return;
            if (c.kind != Kind.EXEC) throw AtError.error();
            m.requireSimReady();
            c.line(m.imsi());
        });

        // SIM
        t.put("+CPIN", this::cpin);
        t.put("+CPINR", this::cpinr);
        t.put("+CLCK", this::clck);

        // radio and registration
        t.put("+CFUN", this::cfun);
        for (RegDomain d : RegDomain.values()) t.put(d.atCommand(), (c, s) -> reg(d, c, s));
        t.put("+COPS", this::cops);
        t.put("+CSQ", this::csq);
        t.put("+CESQ", this::cesq);

        // packet domain
        t.put("+CGATT", this::cgatt);
        t.put("+CGDCONT", this::cgdcont);
        t.put("+CGACT", this::cgact);
        t.put("+CGPADDR", this::cgpaddr);
        t.put("+CGCONTRDP", this::cgcontrdp);
        t.put("+CGEREP", this::cgerep);
        t.put("+CGPIAF", this::cgpiaf);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean flag(AtCall c) throws AtError {
        range(c.basicValue, 0, 1);
        return c.basicValue == 1;
    }

    /** A basic command's number must be within [lo, hi]; absent counts as 0. */
    private static void range(int v, int lo, int hi) throws AtError {
        int x = v < 0 ? 0 : v;
        if (x < lo || x > hi) throw AtError.error();
    }

    private static int bounded(int v, int lo, int hi) throws ModemFailureException {
        if (v < lo || v > hi) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        return v;
    }

    private static AtInterpreter.Handler identity(String value) {
        return (c, s) -> {
            if (c.kind == Kind.TEST) return;
            if (c.kind != Kind.EXEC) throw AtError.error();
            c.line(value);
        };
    }

    private boolean camped() {
        return m.power() == PowerState.ON && m.cfun() == 1 && m.coverage();
    }

    // ---------------------------------------------------------------- commands

    private void cmee(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case EXEC -> s.cmee = 0;
            case SET -> s.cmee = bounded(c.intArg(0), 0, 2);
            case READ -> c.line("+CMEE: " + s.cmee);
            case TEST -> c.line("+CMEE: (0-2)");
        }
    }

    private void cgsn(AtCall c, AtSettings s) throws AtError {
        switch (c.kind) {
            case EXEC -> c.line(p.imei());
            case SET -> {
                int snt = c.intArg(0);
                if (snt == 0) c.line(p.imei());
                else if (snt == 1) c.line("+CGSN: " + q(p.imei()));
                else throw AtError.error();
            }
            case TEST -> c.line("+CGSN: (0,1)");
            default -> throw AtError.error();
        }
    }

    private void cpin(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case READ -> {
                switch (m.simState()) {
                    case ABSENT -> throw new ModemFailureException(ModemFailure.SIM_NOT_INSERTED);
                    case BUSY -> throw new ModemFailureException(ModemFailure.SIM_BUSY);
                    case BLOCKED -> throw new ModemFailureException(ModemFailure.SIM_FAILURE);
                    case PIN -> c.line("+CPIN: SIM PIN");
                    case PUK -> c.line("+CPIN: SIM PUK");
                    case READY -> c.line("+CPIN: READY");
                }
            }
            case SET -> {
                String first = c.arg(0);
                if (c.has(1)) m.enterPuk(first, c.arg(1));
                else m.enterPin(first);
            }
            case TEST -> {
            }
            default -> throw AtError.error();
        }
    }

    private void cpinr(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        if (c.kind == Kind.TEST) return;
        if (c.kind != Kind.EXEC && c.kind != Kind.SET) throw AtError.error();
        m.requireSimReadable();
        String sel = c.kind == Kind.SET ? c.arg(0).toUpperCase(Locale.ROOT) : "*";
        if (matches(sel, "SIM PIN")) c.line("+CPINR: SIM PIN," + m.pinRetriesLeft() + "," + m.pinRetriesMax());
        if (matches(sel, "SIM PUK")) c.line("+CPINR: SIM PUK," + m.pukRetriesLeft() + "," + m.pukRetriesMax());
    }

    /** +CPINR selectors may end in a {@code *} wildcard. */
    private static boolean matches(String selector, String code) {
        if (selector.endsWith("*")) return code.startsWith(selector.substring(0, selector.length() - 1));
        return code.equals(selector);
    }

    private void clck(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        if (c.kind == Kind.TEST) {
            c.line("+CLCK: (\"SC\")");
            return;
        }
        if (c.kind != Kind.SET) throw AtError.error();
        if (!c.arg(0).equalsIgnoreCase("SC")) throw new ModemFailureException(ModemFailure.NOT_SUPPORTED);
        int mode = c.intArg(1);
        if (mode == 2) {
            m.requireSimReadable();
            c.line("+CLCK: " + (m.pinEnabled() ? 1 : 0));
        } else if (mode == 0 || mode == 1) {
            m.setPinEnabled(mode == 1, c.arg(2));
        } else {
            throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        }
    }

    private void cfun(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case READ -> c.line("+CFUN: " + m.cfun());
            case SET -> {
                int fun = c.intArg(0);
                int rst = c.intArg(1, 0);
                if (rst == 1) {
                    // 27.007 <rst>=1: reset before setting; after the reboot the module is at full functionality
                    if (fun != 1 || !m.reboot(false)) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
                } else if (rst == 0) {
                    m.setCfun(fun);
                } else {
                    throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
                }
            }
            case TEST -> c.line("+CFUN: (0,1,4),(0-1)");
            default -> throw AtError.error();
        }
    }

    private void reg(RegDomain d, AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case EXEC -> s.regUrcMode.put(d, 0);
            case SET -> s.regUrcMode.put(d, bounded(c.intArg(0), 0, 2));
            case READ -> {
                int n = s.regUrcMode.get(d);
                Registration r = m.registration(d);
                String loc = n == 2 ? AtFormat.location(m.network(), r) : "";
                c.line(d.atCommand() + ": " + n + "," + r.stat() + loc);
            }
            case TEST -> c.line(d.atCommand() + ": (0-2)");
        }
    }


    private void cops(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        NetworkConfig n = m.network();
        switch (c.kind) {
            case READ -> {
                if (m.registration().registered()) {
                    String name = switch (s.copsFormat) {
                        case 1 -> n.operatorShort();
                        case 2 -> n.operatorNumeric();
                        default -> n.operatorLong();
                    };
                    c.line("+COPS: " + m.copsMode() + "," + s.copsFormat + "," + q(name) + ",7");
                } else {
                    c.line("+COPS: " + m.copsMode());
                }
            }
            case SET -> {
                int mode = c.intArg(0);
                if (mode == 3) {
                    s.copsFormat = bounded(c.intArg(1), 0, 2);
                } else if (mode == 1 || mode == 4) {
                    if (c.has(1)) s.copsFormat = bounded(c.intArg(1), 0, 2);
                    String oper = c.arg(2);
                    boolean ours = oper.equals(n.operatorNumeric()) || oper.equalsIgnoreCase(n.operatorLong())
                            || oper.equalsIgnoreCase(n.operatorShort());
                    if (!ours && mode == 1) throw new ModemFailureException(ModemFailure.NO_NETWORK_SERVICE);
                    m.setCopsMode(0); // one network only: manual selection of it is automatic selection
                } else {
                    if (c.has(1)) s.copsFormat = bounded(c.intArg(1), 0, 2);
                    m.setCopsMode(mode);
                }
            }
            case TEST -> {
                // a network scan takes long on every real modem
                c.delayMillis = 3000;
                String other = n.operatorNumeric().equals("26202") ? "26203" : "26202";
                c.line("+COPS: (" + (m.registration().registered() ? 2 : 1) + "," + q(n.operatorLong()) + ","
                        + q(n.operatorShort()) + "," + q(n.operatorNumeric()) + ",7),(3,\"Other\",\"Other\","
                        + q(other) + ",7),,(0-4),(0-2)");
            }
            case EXEC -> m.setCopsMode(0);
        }
    }

    private void csq(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) {
            c.line("+CSQ: (0-31,99),(0-7,99)");
            return;
        }
        if (c.kind != Kind.EXEC) throw AtError.error();
        c.line("+CSQ: " + (camped() ? m.signal().csqIndex() : 99) + ",99");
    }

    private void cesq(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) {
            c.line("+CESQ: (0-63,99),(0-7,99),(0-96,255),(0-49,255),(0-34,255),(0-97,255)");
            return;
        }
        if (c.kind != Kind.EXEC) throw AtError.error();
        RadioSignal sig = m.signal();
        boolean on = camped();
        c.line("+CESQ: 99,99,255,255," + (on ? sig.cesqRsrqIndex() : 255) + "," + (on ? sig.cesqRsrpIndex() : 255));
    }

    private void cgatt(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case READ -> c.line("+CGATT: " + (m.attached() ? 1 : 0));
            case SET -> m.setAttached(bounded(c.intArg(0), 0, 1) == 1);
            case TEST -> c.line("+CGATT: (0,1)");
            default -> throw AtError.error();
        }
    }

    private void cgdcont(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case READ -> {
                for (PdpContextInfo ctx : m.contexts()) {
                    c.line("+CGDCONT: " + ctx.cid() + "," + q(ctx.pdpType()) + "," + q(ctx.apn()) + ","
                            + q(AtFormat.zeroAddress(ctx.pdpType())) + ",0,0,0,0");
                }
            }
            case SET -> {
                int cid = c.intArg(0);
                if (c.args.size() == 1) m.undefineContext(cid);
                else m.defineContext(cid, c.has(1) ? c.arg(1) : "IP", c.has(2) ? c.args.get(2) : "");
            }
            case TEST -> {
                for (String type : List.of("IP", "IPV6", "IPV4V6")) {
                    c.line("+CGDCONT: (1-" + ModemModel.MAX_CID + ")," + q(type) + ",,,(0-3),(0-4),(0-1),(0-1)");
                }
            }
            default -> throw AtError.error();
        }
    }

    private void cgact(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case READ -> {
                for (PdpContextInfo ctx : m.contexts()) c.line("+CGACT: " + ctx.cid() + "," + (ctx.active() ? 1 : 0));
            }
            case SET -> {
                int state = bounded(c.intArg(0), 0, 1);
                List<Integer> cids = cids(c, 1);
                for (int cid : cids) {
                    if (state == 1) m.activate(cid);
                    else m.deactivate(cid);
                }
            }
            case TEST -> c.line("+CGACT: (0,1)");
            default -> throw AtError.error();
        }
    }

    /** The cids given from parameter {@code from} on, or every defined context when none is given. */
    private List<Integer> cids(AtCall c, int from) throws AtError {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < c.args.size(); i++) out.add(c.intArg(i));
        if (out.isEmpty()) for (PdpContextInfo ctx : m.contexts()) out.add(ctx.cid());
        return out;
    }

    private void cgpaddr(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) {
            StringBuilder sb = new StringBuilder();
            for (PdpContextInfo ctx : m.contexts()) sb.append(sb.length() == 0 ? "" : ",").append(ctx.cid());
            c.line("+CGPADDR: (" + sb + ")");
            return;
        }
        if (c.kind == Kind.READ) throw AtError.error();
        for (int cid : cids(c, 0)) {
            PdpContextInfo ctx = m.context(cid);
            if (ctx == null) continue;
            StringBuilder line = new StringBuilder("+CGPADDR: ").append(cid);
            if (ctx.active() && ctx.ipLost()) {
                // the firmware glitch: bearer up, no address
                line.append(',').append(q("0.0.0.0"));
                if (ctx.ipv6() != null) line.append(',').append(q(AtFormat.dotted(new byte[16])));
            } else if (ctx.active()) {
                if (ctx.ipv4() != null) line.append(',').append(q(AtFormat.ipv4(ctx.ipv4())));
                if (ctx.ipv6() != null) line.append(',').append(q(AtFormat.ipv6(ctx.ipv6(), s)));
            }
            c.line(line.toString());
        }
    }

    private void cgcontrdp(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) {
            StringBuilder sb = new StringBuilder();
            for (int cid : m.activeContexts()) sb.append(sb.length() == 0 ? "" : ",").append(cid);
            c.line("+CGCONTRDP: (" + sb + ")");
            return;
        }
        if (c.kind == Kind.READ) throw AtError.error();
        List<Integer> cids = c.kind == Kind.SET ? List.of(c.intArg(0)) : m.activeContexts();
        for (int cid : cids) {
            PdpContextInfo ctx = m.context(cid);
            if (ctx == null || !ctx.hasAddress()) continue;
            String head = "+CGCONTRDP: " + cid + "," + ctx.bearerId() + "," + q(ctx.activeApn()) + ",";
            if (ctx.ipv4() != null) {
                // up to <IPv4_MTU>: P-CSCF addresses empty, IM CN flag 0, LIPA 0
                c.line(head + q(AtFormat.ipv4WithMask(ctx.ipv4(), ctx.ipv4PrefixLength())) + ","
                        + q(AtFormat.ipv4(ctx.ipv4Gateway())) + "," + q(AtFormat.ipv4(ctx.dns4().get(0))) + ","
                        + q(AtFormat.ipv4(ctx.dns4().get(1))) + ",,,0,0," + ctx.mtu());
            }
            if (ctx.ipv6() != null) {
                c.line(head + q(AtFormat.ipv6WithMask(ctx.ipv6(), 64, s)) + ",\"\"," + q(AtFormat.ipv6(ctx.dns6().get(0), s))
                        + "," + q(AtFormat.ipv6(ctx.dns6().get(1), s)));
            }
        }
    }

    private void cgerep(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case READ -> c.line("+CGEREP: " + s.cgerepMode + "," + s.cgerepBuffer);
            case SET -> {
                int mode = bounded(c.intArg(0), 0, 2);
                int bfr = bounded(c.intArg(1, 0), 0, 1);
                s.cgerepMode = mode;
                s.cgerepBuffer = bfr;
            }
            case TEST -> c.line("+CGEREP: (0-2),(0-1)");
            case EXEC -> s.cgerepMode = 0;
        }
    }

    private void cgpiaf(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case READ -> c.line("+CGPIAF: " + s.cgpiaf[0] + "," + s.cgpiaf[1] + "," + s.cgpiaf[2] + "," + s.cgpiaf[3]);
            case SET -> {
                for (int i = 0; i < 4; i++) if (c.has(i)) s.cgpiaf[i] = bounded(c.intArg(i), 0, 1);
            }
            case TEST -> c.line("+CGPIAF: (0-1),(0-1),(0-1),(0-1)");
            case EXEC -> java.util.Arrays.fill(s.cgpiaf, 0);
        }
    }
}
