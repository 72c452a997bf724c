package io.ltemodem.dataplane;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.at.CmeError;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Snapshot;

/**
 * The 27.007 data plane: {@code AT+CGACT=1,<cid>} activates the context the reconciler defined with
 * {@code +CGDCONT}; the bearer and IP facts come from the AT probe ({@code +CGACT?}, {@code +CGCONTRDP}).
 * With auth configured, {@code +CGAUTH} is set first (its arguments never reach the log).
 */
public final class AtDataPlane implements DataPlane {
    /** Vendor manuals give +CGACT up to 150 s; a healthy network answers in a few. */
    static final long ACTIVATE_TIMEOUT_MS = 60_000;

    private final AtChannel channel;
    private final String netdev;

    public AtDataPlane(AtChannel channel, String netdev) {
        this.channel = channel;
        this.netdev = netdev;
    }

    @Override
    public String name() {
        return "at";
    }

    @Override
    public StepResult start(ModemConfig want) {
        if (want.auth() != ModemConfig.Auth.NONE) {
            int proto = switch (want.auth()) {
                case PAP -> 1;
                case CHAP -> 2;
                case BOTH -> 3;
                case NONE -> 0;
            };
            AtResult a = channel.send(AtCommand.of("AT+CGAUTH=" + want.profile() + "," + proto + ",\""
                    + want.username() + "\",\"" + want.password() + "\""));
            if (!a.ok() && a.answered()) {
                return StepResult.fail(ErrorCode.CONNECT_FAILED, "setting authentication failed: " + a);
            }
        }
        AtResult r = channel.send(AtCommand.of("AT+CGACT=1," + want.profile(), ACTIVATE_TIMEOUT_MS));
        if (r.ok()) return StepResult.OK;
        if (!r.answered()) return StepResult.fail(ErrorCode.TIMEOUT, "context activation: " + r);
        if (r.cme() != null && (r.cme() == CmeError.AUTH_FAILED || r.cme() == CmeError.MISSING_APN)) {
            return StepResult.fail(ErrorCode.CONNECT_FAILED, "the network rejected the APN or credentials (" + r + ")");
        }
        return StepResult.fail(ErrorCode.CONNECT_FAILED, "context activation failed: " + r);
    }

    @Override
    public StepResult stop(ModemConfig want) {
        AtResult r = channel.send(AtCommand.of("AT+CGACT=0," + want.profile(), ACTIVATE_TIMEOUT_MS));
        return r.ok() ? StepResult.OK : StepResult.fail(ErrorCode.CONNECT_FAILED, "context deactivation: " + r);
    }

    @Override
    public void observe(ModemConfig want, Snapshot.Builder into) {
        // The AT probe already reads +CGACT? and +CGCONTRDP for this plane.
    }

    @Override
    public String netdev() {
        return netdev;
    }
}
