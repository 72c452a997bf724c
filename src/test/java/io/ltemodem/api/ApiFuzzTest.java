package io.ltemodem.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seeded fuzzing of every method through the in-process dispatcher: malformed, oversized, wrongly typed and
 * injected arguments. Every call gets a clean answer (never an exception, never an internal error), and a refused
 * call changes nothing in the daemon.
 */
class ApiFuzzTest {
    private static final long SEED = 20261123L;
    private static final int CASES = 3_000;
    private static final Set<Integer> CLEAN = Set.of(UbusStatus.OK, UbusStatus.INVALID_ARGUMENT, UbusStatus.METHOD_NOT_FOUND,
            UbusStatus.NOT_FOUND, UbusStatus.PERMISSION_DENIED, UbusStatus.TIMEOUT);

    private static final String[] NASTY = {
            "", " ", "wwan; reboot", "$(reboot)", "`id`", "../../etc/shadow", "wwan\n", "wwan\r\nAT+CFUN=0", "AT\u001a",
            "AT\u001b[2J", "AT+CLCK=\"SC\",1,\"1234\"", "AT+CPIN=\"1234\"", "AT+QCFG=\"usbnet\",3", "AT+CFUN=1,1",
            "\u0000", "ünïcödé", "\uD83D\uDCF6", "%s%s%n", "' OR 1=1 --", "<script>alert(1)</script>", "wwan\u0000lte",
            "A".repeat(257), "B".repeat(5_000), "AT" + "C".repeat(600), "-1", "9999999999999999999", "1e309", "NaN",
            "session", "radio", "modem", "usb", "power", "nuke", "add", "remove", "usbmisc", "cdc-wdm0"};

    private final Random rnd = new Random(SEED);

    private JsonElement randomValue(int depth) {
        return switch (rnd.nextInt(depth > 1 ? 6 : 8)) {
            case 0 -> new JsonPrimitive(NASTY[rnd.nextInt(NASTY.length)]);
            case 1 -> new JsonPrimitive(rnd.nextInt());
            case 2 -> new JsonPrimitive(rnd.nextLong());
            case 3 -> new JsonPrimitive(rnd.nextBoolean());
            case 4 -> new JsonPrimitive(rnd.nextDouble() * 1e12 - 5e11);
            case 5 -> JsonNull.INSTANCE;
            case 6 -> {
                JsonArray a = new JsonArray();
                for (int i = rnd.nextInt(4); i > 0; i--) a.add(randomValue(depth + 1));
                yield a;
            }
            default -> {
                JsonObject o = new JsonObject();
                for (int i = rnd.nextInt(4); i > 0; i--) o.add(NASTY[rnd.nextInt(NASTY.length)], randomValue(depth + 1));
                yield o;
            }
        };
    }

    private JsonObject randomArgs(MethodSpec m) {
        JsonObject o = new JsonObject();
        for (ArgSpec a : m.args()) {
            int pick = rnd.nextInt(10);
            if (pick < 2) continue;                                      // missing
            if (pick < 4) o.addProperty(a.name(), "wwan");               // plausible
            else o.add(a.name(), randomValue(0));                        // anything at all
        }
        if (rnd.nextInt(4) == 0) o.addProperty("ubus_rpc_session", "00000000000000000000000000000000");
        if (rnd.nextInt(6) == 0) o.add(NASTY[rnd.nextInt(NASTY.length)], randomValue(0));
        return o;
    }

    @Test
    void everyMethodSurvivesGarbageCleanlyAndRefusalsChangeNothing() {
        FakeDaemonApi fake = new FakeDaemonApi();
        fake.put(FakeDaemonApi.online("wwan"));
        ApiDispatcher api = new ApiDispatcher(fake);
        List<MethodSpec> methods = new ArrayList<>(api.methods());
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            MethodSpec m = methods.get(rnd.nextInt(methods.size()));
            String method = rnd.nextInt(40) == 0 ? NASTY[rnd.nextInt(NASTY.length)] : m.name();
            JsonObject args = randomArgs(m);
            int before = fake.calls.size();
            Reply r;
            try {
                r = api.dispatch(method, args).get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                failures.add(method + " " + args + " threw " + e);
                continue;
            }
            fake.pendingConnects.values().forEach(f -> f.complete(fake.status("wwan")));
            fake.pendingConnects.clear();
            if (!CLEAN.contains(r.status())) failures.add(method + " " + args + " -> status " + r.status() + " " + r.body());
            if (r.status() != UbusStatus.OK) {
                refused++;
                if (fake.calls.size() != before) failures.add(method + " " + args + " refused but reached the daemon: " + fake.calls.get(before));
                if (!r.body().has("error")) failures.add(method + " refused without saying why");
            }
            String body = r.body().toString();
            if (body.contains("\"1234\"") || body.contains("CPIN=\\\"1234")) failures.add(method + " echoed a PIN: " + body);
        }
        assertEquals(List.of(), failures.size() > 20 ? failures.subList(0, 20) : failures);
        assertTrue(refused > CASES / 3, "the fuzzer mostly sends garbage: refused " + refused);
        assertEquals(UbusStatus.OK, api.call("status", new JsonObject()).status(), "still serving after the storm");
    }
}
