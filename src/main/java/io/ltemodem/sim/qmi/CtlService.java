package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.QmiProtocolError;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * QMI control service: client id allocation and release from per-service pools, Sync (drops every client id,
 * as libqmi documents: "will release any previously allocated client ID") and Get Version Info.
 */
final class CtlService implements ServiceHandler {
    static final int GET_VERSION_INFO = 0x0021;
    static final int ALLOCATE_CID = 0x0022;
    static final int RELEASE_CID = 0x0023;
    static final int SYNC = 0x0027;

    private final Map<Integer, CidPool> pools;
    /** Told about every released client (service, cid), so a WDS client's session ends with it. */
    private final BiConsumer<Integer, Integer> released;

    CtlService(Map<Integer, CidPool> pools, BiConsumer<Integer, Integer> released) {
        this.pools = pools;
        this.released = released;
    }

    @Override
    public Reply handle(QmuxMessage req) {
        return switch (req.msgId()) {
            case ALLOCATE_CID -> allocate(req);
            case RELEASE_CID -> release(req);
            case SYNC -> sync();
            case GET_VERSION_INFO -> versions();
            default -> Reply.error(QmiProtocolError.INVALID_QMI_COMMAND);
        };
    }

    private Reply allocate(QmuxMessage req) {
        Tlv t = req.tlv(0x01);
        if (t == null || t.length() < 1) return Reply.error(QmiProtocolError.MISSING_ARGUMENT);
        int service = t.u8(0);
        CidPool pool = pools.get(service);
        if (pool == null) return Reply.error(QmiProtocolError.INVALID_SERVICE_TYPE);
        int cid = pool.allocate();
        if (cid < 0) return Reply.error(QmiProtocolError.CLIENT_IDS_EXHAUSTED);
        return Reply.ok(Tlv.fields().u8(service).u8(cid).as(0x01));
    }

    private Reply release(QmuxMessage req) {
        Tlv t = req.tlv(0x01);
        if (t == null || t.length() < 2) return Reply.error(QmiProtocolError.MISSING_ARGUMENT);
        int service = t.u8(0);
        int cid = t.u8(1);
        CidPool pool = pools.get(service);
        if (pool == null || !pool.release(cid)) {
            return Reply.error(QmiProtocolError.INVALID_CLIENT_ID, Tlv.fields().u8(service).u8(cid).as(0x01));
        }
        released.accept(service, cid);
        return Reply.ok(Tlv.fields().u8(service).u8(cid).as(0x01));
    }

    private Reply sync() {
        for (Map.Entry<Integer, CidPool> e : pools.entrySet()) {
            for (int cid = 1; cid <= e.getValue().size(); cid++) {
                if (e.getValue().release(cid)) released.accept(e.getKey(), cid);
            }
        }
        return Reply.ok();
    }

    private Reply versions() {
        int[][] services = {{QmiServices.CTL, 1, 5}, {QmiServices.WDS, 1, 67}, {QmiServices.DMS, 1, 14},
                {QmiServices.NAS, 1, 25}, {QmiServices.UIM, 1, 46}, {QmiServices.WDA, 1, 16}};
        Tlv.Value v = Tlv.fields().u8(services.length);
        for (int[] s : services) v.u8(s[0]).u16(s[1]).u16(s[2]);
        return Reply.ok(v.as(0x01));
    }
}
