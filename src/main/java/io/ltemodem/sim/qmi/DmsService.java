package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.QmiProtocolError;

/**
 * DMS: identities, operating mode and the legacy PIN status. Set Operating Mode "reset" (4) is accepted only
 * from offline (3), as on Qualcomm firmware, and reboots the model after the answer is on its way.
 */
final class DmsService implements ServiceHandler {
    static final int UIM_GET_PIN_STATUS = 0x002B;
    static final int GET_IDS = 0x0025;
    static final int GET_OPERATING_MODE = 0x002D;
    static final int SET_OPERATING_MODE = 0x002E;

    static final int MODE_ONLINE = 0;
    static final int MODE_LOW_POWER = 1;
    static final int MODE_OFFLINE = 3;
    static final int MODE_RESET = 4;
    static final int MODE_PERSISTENT_LOW_POWER = 6;

    private final QmiModemModel model;
    private final Runnable onReset;

    DmsService(QmiModemModel model, Runnable onReset) {
        this.model = model;
        this.onReset = onReset;
    }

    @Override
    public Reply handle(QmuxMessage req) {
        return switch (req.msgId()) {
            case GET_IDS -> Reply.ok(Tlv.fields().text("0").as(0x10), Tlv.fields().text(model.imei()).as(0x11),
                    Tlv.fields().text("0").as(0x12), Tlv.fields().text("10").as(0x13));
            case GET_OPERATING_MODE -> Reply.ok(Tlv.fields().u8(mode(model.power())).as(0x01), Tlv.fields().u8(0).as(0x11));
            case SET_OPERATING_MODE -> setMode(req);
            case UIM_GET_PIN_STATUS -> pinStatus();
            default -> Reply.error(QmiProtocolError.INVALID_QMI_COMMAND);
        };
    }

    static int mode(QmiModemModel.Power p) {
        return switch (p) {
            case ONLINE -> MODE_ONLINE;
            case LOW_POWER -> MODE_LOW_POWER;
            case OFFLINE -> MODE_OFFLINE;
        };
    }

    private Reply setMode(QmuxMessage req) {
        Tlv t = req.tlv(0x01);
        if (t == null || t.length() < 1) return Reply.error(QmiProtocolError.MISSING_ARGUMENT);
        int mode = t.u8(0);
        if (mode == MODE_RESET) {
            if (model.power() != QmiModemModel.Power.OFFLINE) return Reply.error(QmiProtocolError.INVALID_TRANSITION);
            onReset.run();
            return Reply.ok();
        }
        QmiModemModel.Power p = switch (mode) {
            case MODE_ONLINE -> QmiModemModel.Power.ONLINE;
            case MODE_LOW_POWER, MODE_PERSISTENT_LOW_POWER -> QmiModemModel.Power.LOW_POWER;
            case MODE_OFFLINE -> QmiModemModel.Power.OFFLINE;
            default -> null;
        };
        if (p == null) return Reply.error(QmiProtocolError.INVALID_ARGUMENT);
        return model.setPower(p) ? Reply.ok() : Reply.error(QmiProtocolError.INVALID_TRANSITION);
    }

    private Reply pinStatus() {
        QmiModemModel.Sim sim = model.sim();
        if (sim.card() != QmiModemModel.CardState.PRESENT || sim.initializing()) {
            return Reply.error(QmiProtocolError.UIM_UNINITIALIZED);
        }
        return Reply.ok(Tlv.fields().u8(sim.pin1().ordinal()).u8(sim.pin1Retries()).u8(sim.puk1Retries()).as(0x11),
                Tlv.fields().u8(QmiModemModel.PinState.ENABLED_NOT_VERIFIED.ordinal()).u8(3).u8(10).as(0x12));
    }
}
