package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.QmiProtocolError;

import java.nio.charset.StandardCharsets;

/** UIM: card status (one slot, one USIM application) and PIN1 verification. */
final class UimService implements ServiceHandler {
    static final int VERIFY_PIN = 0x0026;
    static final int GET_CARD_STATUS = 0x002F;

    /** The USIM AID of the reference capture. */
    private static final byte[] USIM_AID = Hex.parse("a0000000871002ff49ff0589");

    private final QmiModemModel model;

    UimService(QmiModemModel model) {
        this.model = model;
    }

    @Override
    public Reply handle(QmuxMessage req) {
        return switch (req.msgId()) {
            case GET_CARD_STATUS -> cardStatus();
            case VERIFY_PIN -> verify(req);
            default -> Reply.error(QmiProtocolError.INVALID_QMI_COMMAND);
        };
    }

    private Reply cardStatus() {
        QmiModemModel.Sim sim = model.sim();
        if (sim.initializing()) return Reply.error(QmiProtocolError.UIM_UNINITIALIZED);
        boolean present = sim.card() == QmiModemModel.CardState.PRESENT;
        Tlv.Value v = Tlv.fields()
                .u16(present ? 0x0000 : 0xFFFF) // GW primary: slot 1, application 1
                .u16(0xFFFF).u16(0xFFFF).u16(0xFFFF)
                .u8(1) // one card slot
                .u8(sim.card().ordinal()) // card state
                .u8(0).u8(0).u8(0) // UPIN state, UPIN retries, UPUK retries
                .u8(sim.card() == QmiModemModel.CardState.ERROR ? 3 : 0); // error code (3 = no ATR)
        if (!present) {
            v.u8(0);
        } else {
            v.u8(1) // one application
                    .u8(2) // USIM
                    .u8(sim.app().ordinal())
                    .u8(2).u8(0).u8(0).u8(0) // personalization ready, feature, retries, unblock retries
                    .u8(USIM_AID.length).bytes(USIM_AID)
                    .u8(0) // UPIN does not replace PIN1
                    .u8(sim.pin1().ordinal()).u8(sim.pin1Retries()).u8(sim.puk1Retries())
                    .u8(QmiModemModel.PinState.ENABLED_NOT_VERIFIED.ordinal()).u8(3).u8(10); // PIN2
        }
        return Reply.ok(v.as(0x10));
    }

    private Reply verify(QmuxMessage req) {
        Tlv info = req.tlv(0x02);
        if (info == null || info.length() < 2) return Reply.error(QmiProtocolError.MISSING_ARGUMENT);
        int pinId = info.u8(0);
        int len = info.u8(1);
        if (pinId != 1 || len < 0 || 2 + len > info.length()) return Reply.error(QmiProtocolError.INVALID_ARGUMENT);
        String pin = new String(info.value(), 2, len, StandardCharsets.US_ASCII);
        QmiModemModel.PinOutcome o = model.verifyPin(pin);
        if (o instanceof QmiModemModel.Verified v) {
            return Reply.ok(retries(v.pinRetries(), v.pukRetries()));
        }
        if (o instanceof QmiModemModel.IncorrectPin w) {
            return Reply.error(QmiProtocolError.INCORRECT_PIN, retries(w.pinRetries(), w.pukRetries()));
        }
        if (o instanceof QmiModemModel.PinBlocked b) {
            return Reply.error(QmiProtocolError.PIN_BLOCKED, retries(0, b.pukRetries()));
        }
        return Reply.error(QmiProtocolError.UIM_UNINITIALIZED);
    }

    private static Tlv retries(int verify, int unblock) {
        return Tlv.fields().u8(verify).u8(unblock).as(0x10);
    }
}
