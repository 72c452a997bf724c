package io.ltemodem.sim.qmi;

import io.ltemodem.sim.ModemEvent;
import io.ltemodem.sim.ModemListener;
import io.ltemodem.sim.ModemModel;
import io.ltemodem.sim.PortNode;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated modem's QMI control port (its {@code /dev/cdc-wdm0}): a {@link QmiSimulator} over the modem's
 * {@link SimModemQmiModel}, living as long as the USB device does, like the AT port. A reset or power-down hangs
 * the pty up; the next appearance opens a new one under a new path, with fresh client-id pools (a reboot forgets
 * every client). Faults are shared across appearances; a firmware restart ends a hang.
 */
public final class QmiSimPort implements ModemListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QmiSimPort.class);

    private final ModemModel model;
    private final SimModemQmiModel qmi;
    private final Clock clock;
    private final String name;
    private final PortNode node;
    private final int cidPoolSize;
    private final QmiFaults faults = new QmiFaults();
    // Guarded by the model's monitor (events arrive under it).
    private final List<QmiSimulator> appearances = new ArrayList<>();
    private QmiSimulator current;
    private String lastPath;
    private boolean closed;

    /**
     * @param link        a stable symlink that follows the pty (like {@code /dev/cdc-wdm0}), or null
     * @param cidPoolSize client ids per service on each appearance
     */
    public QmiSimPort(ModemModel model, Clock clock, String name, Path link, int cidPoolSize) {
        this.model = model;
        this.qmi = SimModemQmiModel.of(model);
        this.clock = clock;
        this.name = name;
        this.node = new PortNode(clock, link, name);
        this.cidPoolSize = cidPoolSize;
        model.addListener(this);
    }

    public SimModemQmiModel model() {
        return qmi;
    }

    /** The faults of every appearance, present and future. */
    public QmiFaults faults() {
        return faults;
    }

    /** The simulator serving now (client-id pools, request counts, wire log), or null while the device is gone. */
    public QmiSimulator simulator() {
        synchronized (model) {
            return current;
        }
    }

    /** The pty to give qmicli now, or null while the device is gone. */
    public String currentPath() {
        return node.current();
    }

    /** The stable symlink (null if none); it exists only while the port does. */
    public Path linkPath() {
        return node.link();
    }

    /** Waits (simulator clock) for a port whose path differs from {@code previous} (null: any); null on timeout. */
    public String awaitPath(String previous, long clockMillis) throws InterruptedException {
        return node.awaitOtherThan(previous, clockMillis);
    }

    @Override
    public void onEvent(ModemEvent e) {
        if (e instanceof ModemEvent.UsbAttached a) {
            if (a.booting()) faults.firmwareRestarted();
            appear();
        } else if (e instanceof ModemEvent.UsbDetached) {
            vanish();
        }
    }

    private void appear() {
        if (closed || current != null) return;
        QmiSimulator s;
        try {
            s = QmiSimulator.builder(qmi).clock(clock).cidPoolSize(cidPoolSize).faults(faults).avoidPath(lastPath).start();
        } catch (IOException ex) {
            log.error("{}: cannot open a pty for the QMI port: {}", name, ex.getMessage());
            return;
        }
        current = s;
        appearances.removeIf(QmiSimulator::ended);
        appearances.add(s);
        lastPath = s.devicePath();
        node.appear(s.devicePath());
        log.debug("{}: QMI port up at {}", name, s.devicePath());
    }

    private void vanish() {
        QmiSimulator s = current;
        if (s == null) return;
        current = null;
        node.vanish();
        s.hangUp(); // the serving thread is joined at close(), outside the model's lock
        log.debug("{}: QMI port at {} gone", name, s.devicePath());
    }

    /** Hangs up the current pty and waits (bounded) for every appearance's thread to end. */
    @Override
    public void close() {
        List<QmiSimulator> all;
        synchronized (model) {
            closed = true;
            vanish();
            all = new ArrayList<>(appearances);
            appearances.clear();
        }
        model.removeListener(this);
        model.removeListener(qmi);
        all.forEach(QmiSimulator::close);
    }
}
