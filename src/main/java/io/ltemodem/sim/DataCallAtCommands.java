package io.ltemodem.sim;

import io.ltemodem.sim.AtCall.Kind;

import java.net.Inet4Address;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data calls over AT beyond {@code +CGACT}: the vendor NDIS dial-ups that bring up an ECM/RNDIS/NCM network
 * interface, and the V.250 dial {@code ATD*99#} that a PPP link starts with.
 * <ul>
 *   <li>Quectel ({@code quectel} extension): {@code AT+QNETDEVCTL=<op>,<cid>,<urc_en>} (op 1 connect, 0 disconnect,
 *       3 connect and keep reconnecting) and its read form {@code +QNETDEVCTL: <op>,<cid>,<urc_en>,<state>};
 *       {@code AT+QICSGP=<cid>,<type>,"<apn>","<user>","<pass>",<auth>} (defines the context, keeps the
 *       credentials) and its query {@code AT+QICSGP=<cid>};</li>
 *   <li>Huawei ({@code huawei} extension): {@code AT^NDISDUP=<cid>,<1|0>[,"<apn>"[,"<user>","<pass>",<auth>]]},
 *       {@code AT^NDISSTATQRY?} ({@code ^NDISSTATQRY: <stat>,,,"IPV4"[,<stat>,,,"IPV6"]}) and {@code AT^DHCP?}
 *       ({@code ^DHCP: <ip>,<mask>,<gw>,<dhcp>,<dns1>,<dns2>,<rx>,<tx>}, addresses as little-endian hex);</li>
 *   <li>every persona: 27.007 {@code AT+CGAUTH=<cid>,<prot>,"<user>","<pass>"} (kept, never checked: the
 *       simulated network accepts any credentials); {@code ATD*99#} / {@code ATD*99***<cid>#} activates the context and answers {@code CONNECT}
 *       (the data mode that follows is not simulated), {@code NO CARRIER} when the network refuses.</li>
 * </ul>
 * The session is the model's PDP context: a context the network deactivates is a dropped NDIS session too.
 */
final class DataCallAtCommands {
    private static final Pattern DIAL = Pattern.compile("\\*99(?:\\*\\*\\*(\\d{1,2}))?#");

    private final ModemModel m;
    private final Persona p;
    /** The Quectel netdev control: op and URC switch last set, and the context it drives. */
    private int qnetdevOp;
    private int qnetdevCid = 1;
    private int qnetdevUrc;
    /** The context the Huawei NDIS interface was last dialled on. */
    private int ndisCid = 1;
    /** Credentials per context (+CGAUTH / +QICSGP): {prot, user}; passwords are not kept. */
    private final Map<Integer, String[]> auth = new java.util.TreeMap<>();

    DataCallAtCommands(ModemModel model) {
        this.m = model;
        this.p = model.persona();
    }

    void register(Map<String, AtInterpreter.Handler> t) {
        t.put("D", this::dial);
        t.put("+CGAUTH", this::cgauth);
        if (p.hasExtension("quectel")) {
            t.put("+QNETDEVCTL", this::qnetdevctl);
            t.put("+QICSGP", this::qicsgp);
        }
        if (p.hasExtension("huawei")) {
            t.put("^NDISDUP", this::ndisdup);
            t.put("^NDISSTATQRY", this::ndisstatqry);
            t.put("^DHCP", this::dhcp);
        }
    }

    private boolean active(int cid) {
        PdpContextInfo c = m.context(cid);
        return c != null && c.active();
    }

    // ---------------------------------------------------------------- ATD

    private void dial(AtCall c, AtSettings s) throws AtError {
        Matcher d = DIAL.matcher(c.has(0) ? c.arg(0).replace(" ", "") : "");
        if (!d.matches()) throw AtError.error(); // no voice calls on a data card
        int cid = d.group(1) == null ? 1 : Integer.parseInt(d.group(1));
        try {
            m.activate(cid);
        } catch (ModemFailureException e) {
            c.finalResult = "NO CARRIER";
            return;
        }
        c.finalResult = "CONNECT 150000000";
    }

    // ---------------------------------------------------------------- credentials

    private void cgauth(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case TEST -> c.line("+CGAUTH: (1-15),(0-2),(64),(64)");
            case READ -> auth.forEach((cid, a) -> c.line("+CGAUTH: " + cid + "," + a[0] + ",\"" + a[1] + "\""));
            case SET -> {
                int cid = c.intArg(0);
                int prot = c.intArg(1, 0);
                if (cid < 1 || cid > ModemModel.MAX_CID || prot < 0 || prot > 2) {
                    throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
                }
                auth.put(cid, new String[]{String.valueOf(prot), c.has(2) ? c.arg(2) : ""});
            }
            default -> throw AtError.error();
        }
    }

    // ---------------------------------------------------------------- Quectel

    private void qicsgp(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        if (c.kind == Kind.TEST) {
            c.line("+QICSGP: (1-16),(1-3),<APN>,<username>,<password>,(0-3)");
            return;
        }
        if (c.kind != Kind.SET) throw AtError.error();
        int cid = c.intArg(0);
        if (cid < 1 || cid > ModemModel.MAX_CID) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        if (c.args.size() == 1) {
            PdpContextInfo ctx = m.context(cid);
            String type = ctx == null ? "IP" : ctx.pdpType();
            int t = type.equals("IPV6") ? 2 : type.equals("IPV4V6") ? 3 : 1;
            String[] a = auth.getOrDefault(cid, new String[]{"0", ""});
            c.line("+QICSGP: " + t + ",\"" + (ctx == null ? "" : ctx.apn()) + "\",\"" + a[1] + "\",\"\"," + a[0]);
            return;
        }
        int type = c.intArg(1);
        int a = c.intArg(5, 0);
        if (type < 1 || type > 3 || a < 0 || a > 3) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        m.defineContext(cid, type == 1 ? "IP" : type == 2 ? "IPV6" : "IPV4V6", c.has(2) ? c.arg(2) : "");
        auth.put(cid, new String[]{String.valueOf(a), c.has(3) ? c.arg(3) : ""});
    }

    private void qnetdevctl(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        switch (c.kind) {
            case TEST -> c.line("+QNETDEVCTL: (0-3),(1-15),(0,1)");
            case READ -> c.line("+QNETDEVCTL: " + qnetdevOp + "," + qnetdevCid + "," + qnetdevUrc + ","
                    + (qnetdevOp != 0 && active(qnetdevCid) ? 1 : 0));
            case SET -> {
                int op = c.intArg(0);
                int cid = c.intArg(1);
                int urc = c.intArg(2, 0);
                if (op < 0 || op > 3 || cid < 1 || cid > ModemModel.MAX_CID || urc < 0 || urc > 1) {
                    throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
                }
                if (op == 0) {
                    m.deactivate(cid);
                } else {
                    m.activate(cid);
                }
                qnetdevOp = op;
                qnetdevCid = cid;
                qnetdevUrc = urc;
            }
            default -> throw AtError.error();
        }
    }

    // ---------------------------------------------------------------- Huawei

    private void ndisdup(AtCall c, AtSettings s) throws AtError, ModemFailureException {
        if (c.kind == Kind.TEST) {
            c.line("^NDISDUP: (1-16),(0-1),(0-99),(0-99),(0-99),(0-3)");
            return;
        }
        if (c.kind != Kind.SET) throw AtError.error();
        int cid = c.intArg(0);
        int connect = c.intArg(1);
        if (cid < 1 || cid > ModemModel.MAX_CID || connect < 0 || connect > 1) {
            throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        }
        if (connect == 0) {
            m.deactivate(cid);
            return;
        }
        if (c.has(2)) {
            PdpContextInfo ctx = m.context(cid);
            m.defineContext(cid, ctx != null ? ctx.pdpType() : "IP", c.arg(2));
        }
        m.activate(cid);
        ndisCid = cid;
    }

    private void ndisstatqry(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) {
            c.line("^NDISSTATQRY: (0-1),(0-65535),(0-65535),(\"IPV4\",\"IPV6\")");
            return;
        }
        if (c.kind != Kind.READ) throw AtError.error();
        PdpContextInfo ctx = m.context(ndisCid);
        boolean up = ctx != null && ctx.active();
        String type = ctx == null ? "IP" : ctx.pdpType();
        int v4 = up && ctx.ipv4() != null ? 1 : 0;
        int v6 = up && ctx.ipv6() != null ? 1 : 0;
        String line = "^NDISSTATQRY: " + v4 + ",,,\"IPV4\"";
        if (!type.equals("IP")) line += "," + v6 + ",,,\"IPV6\"";
        c.line(line);
    }

    private void dhcp(AtCall c, AtSettings s) throws AtError {
        if (c.kind == Kind.TEST) return;
        if (c.kind != Kind.READ && c.kind != Kind.SET) throw AtError.error();
        int cid = c.kind == Kind.SET ? c.intArg(0) : ndisCid;
        PdpContextInfo ctx = m.context(cid);
        if (ctx == null || !ctx.active() || ctx.ipLost() || ctx.ipv4() == null) throw AtError.error();
        Inet4Address gw = ctx.ipv4Gateway();
        List<Inet4Address> dns = ctx.dns4();
        c.line("^DHCP: " + hex(ctx.ipv4().getAddress()) + "," + hex(mask(ctx.ipv4PrefixLength())) + "," + hex(gw.getAddress())
                + "," + hex(gw.getAddress()) + "," + hex(dns.isEmpty() ? new byte[4] : dns.get(0).getAddress()) + ","
                + hex(dns.size() < 2 ? new byte[4] : dns.get(1).getAddress()) + ",150000000,50000000");
    }

    /** Huawei's form: the address as a little-endian u32 in upper-case hex (192.168.50.32 → 2032A8C0). */
    static String hex(byte[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = a.length - 1; i >= 0; i--) sb.append(String.format(Locale.ROOT, "%02X", a[i] & 0xFF));
        return sb.toString();
    }

    private static byte[] mask(int prefix) {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int bits = Math.max(0, Math.min(8, prefix - 8 * i));
            b[i] = (byte) (bits == 0 ? 0 : (0xFF << (8 - bits)) & 0xFF);
        }
        return b;
    }
}
