package io.ltemodem.dataplane.qmi;

import io.ltemodem.qmi.IpFamily;
import io.ltemodem.qmi.QmiProtocolError;
import io.ltemodem.qmi.QmiResult;
import io.ltemodem.qmi.QmiTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;

/**
 * The WDS client ids this daemon owns, one per IP family, and the session (packet data handle) each holds.
 * The modem keeps a session only while the client that started it exists, so the id is allocated once, reused
 * for every call about that session and released only when the session is stopped: no per-call allocation,
 * no leak. When the modem has no id left (ClientIdsExhausted, after leaks by other programs or earlier runs)
 * a CTL Sync frees them all — ours too — and the allocation is tried once more.
 */
final class WdsClients {
    private static final Logger log = LoggerFactory.getLogger(WdsClients.class);

    /** One family's client: its id, its session's handle (null: none known) and whether its IP family is set. */
    static final class Client {
        Integer cid;
        Long handle;
        boolean familySet;
    }

    private final QmiTool tool;
    private final Map<IpFamily, Client> clients = new EnumMap<>(IpFamily.class);
    private int syncs;

    WdsClients(QmiTool tool) {
        for (IpFamily f : IpFamily.values()) clients.put(f, new Client());
        this.tool = tool;
    }

    Client get(IpFamily f) {
        return clients.get(f);
    }

    /** Our client id for {@code f}, allocating one if we have none. */
    QmiResult<Integer> ensure(IpFamily f) {
        Client c = clients.get(f);
        if (c.cid != null) return QmiResult.ok(c.cid);
        QmiResult<Integer> r = tool.allocateWdsClient();
        if (r.is(QmiProtocolError.CLIENT_IDS_EXHAUSTED)) {
            log.warn("{}: no WDS client id left on the modem; CTL sync to free the leaked ones", tool.device());
            QmiResult<Void> s = sync();
            if (!s.ok()) return s.withoutValue();
            r = tool.allocateWdsClient();
        }
        if (r.ok()) {
            c.cid = r.value();
            c.handle = null;
            c.familySet = false;
            log.debug("{}: WDS client {} allocated for {}", tool.device(), c.cid, f);
        }
        return r;
    }

    /** CTL Sync: the modem frees every client id of every service, ours as well, and their sessions with them. */
    QmiResult<Void> sync() {
        QmiResult<Void> s = tool.sync();
        if (s.ok()) {
            forgetAll();
            syncs++;
        }
        return s;
    }

    /** The modem no longer knows this client (reset, sync): start from scratch next time. */
    void forget(IpFamily f) {
        Client c = clients.get(f);
        c.cid = null;
        c.handle = null;
        c.familySet = false;
    }

    void forgetAll() {
        for (IpFamily f : IpFamily.values()) forget(f);
    }

    /** How many CTL syncs this has sent: each one ended every session we had. */
    int syncs() {
        return syncs;
    }

    /** Client ids held now (for leak checks and logs). */
    Map<IpFamily, Integer> held() {
        Map<IpFamily, Integer> out = new EnumMap<>(IpFamily.class);
        for (Map.Entry<IpFamily, Client> e : clients.entrySet()) if (e.getValue().cid != null) out.put(e.getKey(), e.getValue().cid);
        return out;
    }
}
