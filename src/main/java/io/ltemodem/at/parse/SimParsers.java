package io.ltemodem.at.parse;

import io.ltemodem.model.PinRetries;
import io.ltemodem.model.SimState;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * SIM lock state ({@code +CPIN}) and PIN/PUK retry counters ({@code +CPINR}, Quectel {@code +QPINC},
 * SIMCom {@code +SPIC}, Huawei {@code ^CPIN}, {@code +CPINC}).
 */
public final class SimParsers {
    /** Retry counters above this are not counters (some firmwares print 255 for "unknown"). */
    private static final int MAX_RETRIES = 99;

    /**
     * 27.007 §8.3 codes. The whole first field is matched exactly, which subsumes ModemManager's
     * "longest first" prefix rule: {@code SIM PIN2} can never be read as {@code SIM PIN}.
     */
    private static final Map<String, SimState> CPIN_CODES = Map.ofEntries(
            entry("READY", SimState.READY),
            entry("SIM PIN", SimState.PIN),
            entry("SIM PUK", SimState.PUK),
            entry("SIM PIN2", SimState.PIN2),
            entry("SIM PUK2", SimState.PUK2),
            entry("PH-SIM PIN", SimState.PH_LOCK),
            entry("PH-SIM PUK", SimState.PH_LOCK),
            entry("PH-FSIM PIN", SimState.PH_LOCK),
            entry("PH-FSIM PUK", SimState.PH_LOCK),
            entry("PH-NET PIN", SimState.PH_LOCK),
            entry("PH-NET PUK", SimState.PH_LOCK),
            entry("PH-NETSUB PIN", SimState.PH_LOCK),
            entry("PH-NETSUB PUK", SimState.PH_LOCK),
            entry("PH-SP PIN", SimState.PH_LOCK),
            entry("PH-SP PUK", SimState.PH_LOCK),
            entry("PH-CORP PIN", SimState.PH_LOCK),
            entry("PH-CORP PUK", SimState.PH_LOCK),
            // Not 27.007 but unambiguous: SIMCom SIM800 answers "NOT INSERTED", SIM7600 sends "SIM REMOVED"
            // as a URC on hot-unplug. Quectel's "NOT READY" is deliberately absent: it is sent both while
            // the card boots and after removal, so it does not say which.
            entry("NOT INSERTED", SimState.ABSENT),
            entry("SIM REMOVED", SimState.ABSENT));

    /** 27.007 §9.2 numeric {@code +CME ERROR} codes that describe the SIM. */
    private static final Map<Integer, SimState> CME_CODES = Map.ofEntries(
            entry(5, SimState.PH_LOCK), entry(6, SimState.PH_LOCK), entry(7, SimState.PH_LOCK),
            entry(10, SimState.ABSENT), entry(11, SimState.PIN), entry(12, SimState.PUK),
            entry(13, SimState.FAILURE), entry(14, SimState.BUSY), entry(15, SimState.FAILURE),
            entry(17, SimState.PIN2), entry(18, SimState.PUK2),
            entry(40, SimState.PH_LOCK), entry(41, SimState.PH_LOCK), entry(42, SimState.PH_LOCK),
            entry(43, SimState.PH_LOCK), entry(44, SimState.PH_LOCK), entry(45, SimState.PH_LOCK),
            entry(46, SimState.PH_LOCK), entry(47, SimState.PH_LOCK));

    /** The same errors in verbose form ({@code AT+CMEE=2}), lowercase. */
    private static final Map<String, SimState> CME_TEXTS = Map.ofEntries(
            entry("sim not inserted", SimState.ABSENT),
            entry("sim pin required", SimState.PIN),
            entry("sim puk required", SimState.PUK),
            entry("sim failure", SimState.FAILURE),
            entry("sim busy", SimState.BUSY),
            entry("sim wrong", SimState.FAILURE),
            entry("sim pin2 required", SimState.PIN2),
            entry("sim puk2 required", SimState.PUK2),
            entry("ph-sim pin required", SimState.PH_LOCK),
            entry("network personalization pin required", SimState.PH_LOCK),
            entry("network personalization puk required", SimState.PH_LOCK));

    private SimParsers() {
    }

    /** {@code AT+CPIN?} information lines → the SIM state; empty for an unknown code. */
    public static Optional<SimState> parseCpin(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, SimParsers::parseCpinLine));
    }

    /**
     * One {@code +CPIN: <code>} line (also the boot URC {@code +CPIN: READY}). The code may be quoted.
     * A bare code line without the prefix is accepted too (seen in ModemManager's test data), but only
     * when it is exactly a known code.
     */
    public static Optional<SimState> parseCpinLine(String line) {
        return Lines.guarded(() -> {
            Optional<AtFields> f = AtFields.of(line, "+CPIN");
            String code = f.isPresent() ? f.get().text(0) : (line == null ? null : line.strip());
            if (code == null) return Optional.empty();
            return Optional.ofNullable(CPIN_CODES.get(code.toUpperCase(Locale.ROOT)));
        });
    }

    /**
     * The SIM state a final {@code +CME ERROR} implies: {@code "+CME ERROR: 10"}, {@code "10"} or the
     * verbose {@code "SIM not inserted"}. No SIM and a booting SIM only ever come as errors, so the
     * prober needs this next to {@link #parseCpin}. Empty for errors that say nothing about the SIM.
     */
    public static Optional<SimState> simStateFromCmeError(String error) {
        return Lines.guarded(() -> {
            if (error == null) return Optional.empty();
            String s = AtFields.payload(error, "+CME ERROR").orElse(error.strip());
            Integer code = AtFields.toInt(s);
            if (code != null) return Optional.ofNullable(CME_CODES.get(code));
            return Optional.ofNullable(CME_TEXTS.get(s.toLowerCase(Locale.ROOT)));
        });
    }

    /**
     * 27.007 {@code AT+CPINR}: {@code +CPINR: SIM PIN,<retries>[,<default>]} and {@code +CPINR: SIM PUK,...}
     * lines (PIN2/PUK2 lines are ignored). Empty when neither PIN1 nor PUK1 is reported or a counter is
     * not a number.
     */
    public static Optional<PinRetries> parseCpinr(List<String> lines) {
        return Lines.guarded(() -> {
            if (lines == null) return Optional.empty();
            Integer pin = null;
            Integer puk = null;
            for (String line : lines) {
                Optional<AtFields> of = AtFields.of(line, "+CPINR");
                if (of.isEmpty()) continue;
                AtFields f = of.get();
                String code = f.text(0) == null ? "" : f.text(0).toUpperCase(Locale.ROOT);
                if (!code.equals("SIM PIN") && !code.equals("SIM PUK")) continue;
                Integer n = retries(f, 1);
                if (n == null) return Optional.empty();
                if (code.equals("SIM PIN")) pin = n;
                else puk = n;
            }
            return pin == null && puk == null ? Optional.empty() : Optional.of(new PinRetries(pin, puk));
        });
    }

    /** Quectel {@code AT+QPINC?}: the {@code +QPINC: "SC",<pin>,<puk>} line; {@code "P2"} (PIN2) is ignored. */
    public static Optional<PinRetries> parseQpinc(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, line -> {
            Optional<AtFields> of = AtFields.of(line, "+QPINC");
            if (of.isEmpty() || !"SC".equalsIgnoreCase(of.get().text(0))) return Optional.empty();
            return retryPair(of.get(), 1, 2);
        }));
    }

    /** SIMCom {@code AT+SPIC}: {@code +SPIC: <pin1>,<puk1>,<pin2>,<puk2>}. */
    public static Optional<PinRetries> parseSpic(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, line ->
                AtFields.of(line, "+SPIC").flatMap(f -> retryPair(f, 0, 1))));
    }

    /** {@code AT+CPINC}: {@code +CPINC: <pin1>,<pin2>,<puk1>,<puk2>} (note PIN2 sits between PIN1 and PUK1). */
    public static Optional<PinRetries> parseCpinc(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, line ->
                AtFields.of(line, "+CPINC").flatMap(f -> retryPair(f, 0, 2))));
    }

    /**
     * Huawei {@code AT^CPIN?}: {@code ^CPIN: <code>,[<times>],<puk_times>,<pin_times>,<puk2_times>,<pin2_times>}
     * (the PUK counter comes first).
     */
    public static Optional<PinRetries> parseHuaweiCpin(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, line ->
                AtFields.of(line, "^CPIN").flatMap(f -> retryPair(f, 3, 2))));
    }

    private static Optional<PinRetries> retryPair(AtFields f, int pinAt, int pukAt) {
        Integer pin = retries(f, pinAt);
        Integer puk = retries(f, pukAt);
        return pin == null || puk == null ? Optional.empty() : Optional.of(new PinRetries(pin, puk));
    }

    private static Integer retries(AtFields f, int i) {
        Integer n = f.integer(i);
        return n == null || n < 0 || n > MAX_RETRIES ? null : n;
    }
}
