package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.QmiProtocolError;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WDS: start/stop network, packet service status, current settings and the per-client IP family.
 *
 * <p>A session belongs to the client that started it and ends when that client is released (or a CTL Sync
 * drops it): "the modem will keep the connection active as long as there is a WDS client which requested to
 * start the network" (ModemManager). A client without a session of its own sees the modem's state: connected
 * when any session is up, and that session's settings — as the reference transcript shows.
 */
final class WdsService implements ServiceHandler {
    static final int START_NETWORK = 0x0020;
    static final int STOP_NETWORK = 0x0021;
    static final int GET_PACKET_SERVICE_STATUS = 0x0022;
    static final int GET_CURRENT_SETTINGS = 0x002D;
    static final int SET_IP_FAMILY = 0x004D;

    static final long GLOBAL_HANDLE = 0xFFFFFFFFL;

    private final QmiModemModel model;
    /** client id → the session it started (null: none) and its IP family preference. */
    private final Map<Integer, Client> clients = new LinkedHashMap<>();

    private static final class Client {
        Long handle;
        QmiModemModel.IpFamily family;
    }

    WdsService(QmiModemModel model) {
        this.model = model;
    }

    @Override
    public synchronized Reply handle(QmuxMessage req) {
        Client c = clients.computeIfAbsent(req.clientId(), k -> new Client());
        return switch (req.msgId()) {
            case START_NETWORK -> start(c, req);
            case STOP_NETWORK -> stop(req);
            case GET_PACKET_SERVICE_STATUS -> Reply.ok(Tlv.fields().u8(sessionOf(c) != null ? 2 : 1).as(0x01));
            case GET_CURRENT_SETTINGS -> settings(c);
            case SET_IP_FAMILY -> setFamily(c, req);
            default -> Reply.error(QmiProtocolError.INVALID_QMI_COMMAND);
        };
    }

    /** The client is gone: its session ends with it. */
    synchronized void released(int cid) {
        Client c = clients.remove(cid);
        if (c != null && c.handle != null) model.stopSession(c.handle);
    }

    /** Sessions that are still up, by handle (for tests). */
    synchronized int activeSessions() {
        int n = 0;
        for (Client c : clients.values()) if (c.handle != null && model.sessionActive(c.handle)) n++;
        return n;
    }

    private Reply start(Client c, QmuxMessage req) {
        if (c.handle != null && model.sessionActive(c.handle)) return Reply.error(QmiProtocolError.NO_EFFECT);
        Tlv apn = req.tlv(0x14);
        Tlv auth = req.tlv(0x16);
        Tlv user = req.tlv(0x17);
        Tlv pass = req.tlv(0x18);
        Tlv fam = req.tlv(0x19);
        Tlv profile = req.tlv(0x31);
        QmiModemModel.IpFamily family = fam != null ? (fam.u8(0) == 6 ? QmiModemModel.IpFamily.V6 : QmiModemModel.IpFamily.V4)
                : c.family != null ? c.family : QmiModemModel.IpFamily.V4;
        QmiModemModel.SessionRequest r = new QmiModemModel.SessionRequest(
                apn == null ? "" : apn.text(), family, auth == null ? 0 : auth.u8(0),
                user == null ? "" : user.text(), pass == null ? "" : pass.text(), profile == null ? null : profile.u8(0));
        QmiModemModel.SessionStart s = model.startSession(r);
        if (s instanceof QmiModemModel.Started st) {
            c.handle = st.handle();
            return Reply.ok(Tlv.fields().u32(st.handle()).as(0x01));
        }
        QmiModemModel.Failed f = (QmiModemModel.Failed) s;
        List<Tlv> reasons = new ArrayList<>();
        reasons.add(Tlv.fields().u16(f.callEndReason()).as(0x10));
        if (f.verboseType() != null) reasons.add(Tlv.fields().u16(f.verboseType()).u16(f.verboseReason()).as(0x11));
        return Reply.error(QmiProtocolError.CALL_FAILED, reasons.toArray(new Tlv[0]));
    }

    private Reply stop(QmuxMessage req) {
        Tlv h = req.tlv(0x01);
        if (h == null || h.length() < 4) return Reply.error(QmiProtocolError.MISSING_ARGUMENT);
        long handle = h.u32(0);
        if (handle == GLOBAL_HANDLE) {
            boolean any = false;
            for (Client o : clients.values()) {
                if (o.handle != null && model.stopSession(o.handle)) any = true;
                o.handle = null;
            }
            return any ? Reply.ok() : Reply.error(QmiProtocolError.NO_EFFECT);
        }
        boolean stopped = model.stopSession(handle);
        for (Client o : clients.values()) if (o.handle != null && o.handle == handle) o.handle = null;
        return stopped ? Reply.ok() : Reply.error(QmiProtocolError.NO_EFFECT);
    }

    private Reply setFamily(Client c, QmuxMessage req) {
        Tlv t = req.tlv(0x01);
        if (t == null || t.length() < 1) return Reply.error(QmiProtocolError.MISSING_ARGUMENT);
        int v = t.u8(0);
        if (v != 4 && v != 6 && v != 8) return Reply.error(QmiProtocolError.INVALID_IP_FAMILY_PREFERENCE);
        c.family = v == 6 ? QmiModemModel.IpFamily.V6 : QmiModemModel.IpFamily.V4;
        return Reply.ok();
    }

    /** This client's session if up; else any session up (its family first); else null. */
    private Long sessionOf(Client c) {
        if (c.handle != null) {
            if (model.sessionActive(c.handle)) return c.handle;
            c.handle = null; // the network ended it
        }
        Long any = null;
        for (Client o : clients.values()) {
            if (o.handle == null || !model.sessionActive(o.handle)) continue;
            QmiModemModel.IpSettings s = model.ipSettings(o.handle);
            QmiModemModel.IpFamily want = c.family != null ? c.family : QmiModemModel.IpFamily.V4;
            if (s != null && s.family() == want) return o.handle;
            if (any == null) any = o.handle;
        }
        return any;
    }

    private Reply settings(Client c) {
        Long h = sessionOf(c);
        QmiModemModel.IpSettings s = h == null ? null : model.ipSettings(h);
        if (s == null) return Reply.error(QmiProtocolError.OUT_OF_CALL);
        List<Tlv> tlvs = new ArrayList<>();
        if (s.family() == QmiModemModel.IpFamily.V4) {
            if (s.dns().size() > 0) tlvs.add(Tlv.fields().u32(v4(s.dns().get(0))).as(0x15));
            if (s.dns().size() > 1) tlvs.add(Tlv.fields().u32(v4(s.dns().get(1))).as(0x16));
            tlvs.add(Tlv.fields().u32(v4(s.address())).as(0x1E));
            if (s.gateway() != null) tlvs.add(Tlv.fields().u32(v4(s.gateway())).as(0x20));
            tlvs.add(Tlv.fields().u32(mask(s.prefix())).as(0x21));
            tlvs.add(Tlv.fields().u32(s.mtu()).as(0x29));
            tlvs.add(Tlv.fields().u8(4).as(0x2B));
        } else {
            tlvs.add(v6(Tlv.fields(), s.address()).u8(s.prefix()).as(0x25));
            if (s.gateway() != null) tlvs.add(v6(Tlv.fields(), s.gateway()).u8(s.prefix()).as(0x26));
            if (s.dns().size() > 0) tlvs.add(v6(Tlv.fields(), s.dns().get(0)).as(0x27));
            if (s.dns().size() > 1) tlvs.add(v6(Tlv.fields(), s.dns().get(1)).as(0x28));
            tlvs.add(Tlv.fields().u32(s.mtu()).as(0x29));
            tlvs.add(Tlv.fields().u8(6).as(0x2B));
        }
        return Reply.ok(tlvs);
    }

    /** QMI carries an IPv4 address as a little-endian u32 of the host-order value: 10.123.45.67 → 43 2d 7b 0a. */
    static long v4(String dotted) {
        byte[] b = address(dotted);
        return (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | (b[3] & 0xFFL);
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    /** Eight u16 words in network order, as libqmi's IPv6 fields. */
    private static Tlv.Value v6(Tlv.Value v, String addr) {
        byte[] b = address(addr);
        for (int i = 0; i < 16; i += 2) v.u16be((b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF));
        return v;
    }

    private static byte[] address(String literal) {
        try {
            // Literals only: InetAddress.getByName does no lookup for them.
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
