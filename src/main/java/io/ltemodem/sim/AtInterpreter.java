package io.ltemodem.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Executes one AT command line against the model: {@code AT}, basic commands ({@code E0V1}), extended commands
 * separated by {@code ;} ({@code AT+COPS=2;+CFUN=4}). Execution stops at the first failing command, as V.250 says.
 * Vendor habits come from the {@link Persona}: its reset, power-down and ICCID commands and fixed answers.
 * Callers hold the model's monitor, so a line sees and changes the model atomically.
 */
final class AtInterpreter {
    @FunctionalInterface
    interface Handler {
        void run(AtCall call, AtSettings settings) throws AtError, ModemFailureException;
    }

    /**
     * Information lines, the error that ended the line (null = OK, or {@code finalResult} when a command set one,
     * e.g. CONNECT), and how long the modem takes to answer.
     */
    record Result(List<String> info, AtError error, long delayMillis, String finalResult) {
    }

    private record Parsed(String name, AtCall.Kind kind, List<String> args, int basicValue, String text) {
    }

    private final ModemModel model;
    private final Persona persona;
    private final Map<String, Handler> table = new HashMap<>();

    AtInterpreter(ModemModel model) {
        this.model = model;
        this.persona = model.persona();
        new StandardAtCommands(model).register(table);
        new VendorAtCommands(model).register(table);
        new DataCallAtCommands(model).register(table);
    }

    Result execute(String line, AtSettings settings) {
        List<Parsed> commands;
        try {
            commands = parse(line.substring(2));
        } catch (AtError e) {
            return new Result(List.of(), e, 0, null);
        }
        List<String> info = new ArrayList<>();
        long delay = 0;
        String finalResult = null;
        for (Parsed p : commands) {
            AtCall call = new AtCall(p.name(), p.kind(), p.args(), p.basicValue());
            AtError error = null;
            try {
                dispatch(p, call, settings);
            } catch (AtError e) {
                error = e;
            } catch (ModemFailureException e) {
                error = AtError.of(e);
            }
            info.addAll(call.out);
            delay += call.delayMillis;
            if (error != null) return new Result(info, error, delay, null);
            if (call.finalResult != null) finalResult = call.finalResult;
        }
        return new Result(info, null, delay, finalResult);
    }

    private void dispatch(Parsed p, AtCall call, AtSettings settings) throws AtError, ModemFailureException {
        String full = Persona.normalize("AT" + p.text());
        List<String> fixed = persona.fixedResponses().get(full);
        if (fixed != null) {
            for (String l : fixed) call.line(persona.expand(l));
            return;
        }
        if (persona.resetCommands().contains(full)) {
            if (!model.reboot(false)) throw AtError.error();
            return;
        }
        String powerDown = persona.powerDownCommands().get(full);
        if (powerDown != null) {
            if (!model.powerDown(powerDown.equals("immediate"))) throw AtError.error();
            return;
        }
        for (Persona.IccidCommand ic : persona.iccidCommands()) {
            if (ic.command().equals(full)) {
                model.requireSimReadable();
                call.line(ic.prefix() + ": " + model.iccid());
                return;
            }
        }
        Handler h = table.get(p.name());
        if (h == null) throw AtError.error();
        h.run(call, settings);
    }

    /** Splits what follows {@code AT} into commands. */
    private static List<Parsed> parse(String body) throws AtError {
        List<Parsed> out = new ArrayList<>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c == ';' || c == ' ') {
                i++;
            } else if (c == 'D' || c == 'd') {
                // V.250 dial: the rest of the line (up to a ';') is the dial string, e.g. ATD*99***1#
                int end = body.indexOf(';', i + 1);
                if (end < 0) end = n;
                out.add(new Parsed("D", AtCall.Kind.SET, List.of(body.substring(i + 1, end).trim()), -1, body.substring(i, end)));
                i = end;
            } else if ("+^!#$%*".indexOf(c) >= 0) {
                int start = i;
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '_')) j++;
                String name = body.substring(i, j).toUpperCase(Locale.ROOT);
                int k = j;
                boolean quoted = false;
                while (k < n) {
                    char d = body.charAt(k);
                    if (d == '"') quoted = !quoted;
                    else if (d == ';' && !quoted) break;
                    k++;
                }
                String suffix = body.substring(j, k).trim();
                out.add(extended(name, suffix, body.substring(start, k)));
                i = k;
            } else if (Character.isLetter(c) || c == '&') {
                int start = i;
                String name;
                if (c == '&') {
                    if (i + 1 >= n || !Character.isLetter(body.charAt(i + 1))) throw AtError.error();
                    name = "&" + Character.toUpperCase(body.charAt(i + 1));
                    i += 2;
                } else {
                    name = String.valueOf(Character.toUpperCase(c));
                    i++;
                }
                int j = i;
                while (j < n && Character.isDigit(body.charAt(j))) j++;
                int value = j > i ? Integer.parseInt(body.substring(i, Math.min(j, i + 6))) : -1;
                i = j;
                out.add(new Parsed(name, AtCall.Kind.EXEC, List.of(), value, body.substring(start, j)));
            } else {
                throw AtError.error();
            }
        }
        return out;
    }

    private static Parsed extended(String name, String suffix, String text) throws AtError {
        if (name.length() < 2) throw AtError.error();
        if (suffix.isEmpty()) return new Parsed(name, AtCall.Kind.EXEC, List.of(), -1, text);
        if (suffix.equals("?")) return new Parsed(name, AtCall.Kind.READ, List.of(), -1, text);
        if (suffix.equals("=?")) return new Parsed(name, AtCall.Kind.TEST, List.of(), -1, text);
        if (suffix.startsWith("=")) {
            return new Parsed(name, AtCall.Kind.SET, AtCall.splitArgs(suffix.substring(1)), -1, text);
        }
        throw AtError.error();
    }
}
