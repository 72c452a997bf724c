package io.ltemodem.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A vendor persona: how one modem model identifies itself and which vendor commands and habits it has. Pure data,
 * loaded from {@code personas.json} ({@link Personas}); quirks live here, not in {@code if (vendor == ...)} code.
 *
 * @param id                   stable name, e.g. {@code quectel-ec25}
 * @param vendor               vendor name for humans
 * @param vid                  USB vendor id, 4 hex digits
 * @param pid                  USB product id, 4 hex digits
 * @param manufacturer         {@code AT+CGMI}
 * @param model                {@code AT+CGMM}
 * @param revision             {@code AT+CGMR}
 * @param imei                 {@code AT+CGSN}
 * @param ati                  {@code ATI} lines (templates)
 * @param iccidCommands        commands that answer the ICCID, each with its answer prefix
 * @param resetCommands        commands that reboot the module (after {@code OK})
 * @param powerDownCommands    command → {@code normal} | {@code immediate}: power the module down
 * @param powerDownUrc         line printed when the power-down finishes (null: none)
 * @param powerDownMillis      log-off time of a {@code normal} power-down
 * @param boardRepowers        the carrier board powers the module up again after a power-down
 * @param bootUrcs             URCs when the firmware is up ({@code {cpin}} = +CPIN code)
 * @param cpinUrcs             announce SIM state changes with {@code +CPIN: <code>}
 * @param simReadyUrcs         URCs when the SIM becomes ready
 * @param bootMillis           power-on (or reset) to firmware up
 * @param usbEnumerationMillis power-on to USB device (ports) present
 * @param resetDetachMillis    reset command's {@code OK} to USB device gone
 * @param extensions           vendor command sets: {@code quectel}, {@code simcom}, {@code huawei}
 * @param csRegistration       {@code +CREG} follows registration; false = LTE data-only, CREG stays 0
 * @param cgevDeactForm        {@code legacy} or {@code pdn}: the form of network-deactivation URCs
 * @param cmeeDefault          {@code +CMEE} after boot
 * @param fixedResponses       command → information lines, overriding the generic answer
 */
public record Persona(String id, String vendor, String vid, String pid, String manufacturer, String model,
                      String revision, String imei, List<String> ati, List<IccidCommand> iccidCommands,
                      List<String> resetCommands, Map<String, String> powerDownCommands, String powerDownUrc,
                      long powerDownMillis, boolean boardRepowers, List<String> bootUrcs, boolean cpinUrcs,
                      List<String> simReadyUrcs, long bootMillis, long usbEnumerationMillis, long resetDetachMillis,
                      List<String> extensions, boolean csRegistration, String cgevDeactForm, int cmeeDefault,
                      Map<String, List<String>> fixedResponses) {

    /** An ICCID query command and the prefix of its answer line, e.g. {@code AT+QCCID} → {@code +QCCID}. */
    public record IccidCommand(String command, String prefix) {
        public IccidCommand {
            command = normalize(require(command, "iccidCommands.command"));
            require(prefix, "iccidCommands.prefix");
        }
    }

    private static final Set<String> KNOWN_EXTENSIONS = Set.of("quectel", "simcom", "huawei");

    public Persona {
        require(id, "id");
        vendor = vendor == null ? "" : vendor;
        if (vid == null || !vid.matches("[0-9a-f]{4}") || pid == null || !pid.matches("[0-9a-f]{4}")) {
            throw new IllegalArgumentException(id + ": vid/pid must be 4 lower-case hex digits");
        }
        require(manufacturer, "manufacturer");
        require(model, "model");
        require(revision, "revision");
        if (imei == null || !imei.matches("[0-9]{15}")) throw new IllegalArgumentException(id + ": imei must be 15 digits");
        ati = ati == null ? List.of(manufacturer, model, "Revision: " + revision) : List.copyOf(ati);
        iccidCommands = iccidCommands == null ? List.of() : List.copyOf(iccidCommands);
        resetCommands = resetCommands == null ? List.of("AT+CFUN=1,1")
                : resetCommands.stream().map(Persona::normalize).collect(Collectors.toUnmodifiableList());
        Map<String, String> pd = new TreeMap<>();
        if (powerDownCommands != null) {
            powerDownCommands.forEach((k, v) -> {
                if (!"normal".equals(v) && !"immediate".equals(v)) {
                    throw new IllegalArgumentException(id + ": power-down mode must be normal or immediate: " + v);
                }
                pd.put(normalize(k), v);
            });
        }
        powerDownCommands = Map.copyOf(pd);
        if (powerDownMillis <= 0) powerDownMillis = 2000;
        bootUrcs = bootUrcs == null ? List.of() : List.copyOf(bootUrcs);
        simReadyUrcs = simReadyUrcs == null ? List.of() : List.copyOf(simReadyUrcs);
        if (bootMillis <= 0) bootMillis = 10000;
        if (usbEnumerationMillis <= 0 || usbEnumerationMillis > bootMillis) usbEnumerationMillis = bootMillis / 4;
        if (resetDetachMillis <= 0) resetDetachMillis = 500;
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        for (String e : extensions) {
            if (!KNOWN_EXTENSIONS.contains(e)) throw new IllegalArgumentException(id + ": unknown extension " + e);
        }
        if (cgevDeactForm == null) cgevDeactForm = "pdn";
        if (!cgevDeactForm.equals("pdn") && !cgevDeactForm.equals("legacy")) {
            throw new IllegalArgumentException(id + ": cgevDeactForm must be pdn or legacy: " + cgevDeactForm);
        }
        if (cmeeDefault < 0 || cmeeDefault > 2) throw new IllegalArgumentException(id + ": cmeeDefault 0..2");
        Map<String, List<String>> fixed = new TreeMap<>();
        if (fixedResponses != null) fixedResponses.forEach((k, v) -> fixed.put(normalize(k), List.copyOf(v)));
        fixedResponses = Map.copyOf(fixed);
    }

    /** USB id as {@code vid:pid}. */
    public String usbId() {
        return vid + ":" + pid;
    }

    public boolean hasExtension(String name) {
        return extensions.contains(name);
    }

    /** Fills {@code {manufacturer} {model} {revision} {imei}} in a template. */
    public String expand(String template) {
        return template.replace("{manufacturer}", manufacturer).replace("{model}", model)
                .replace("{revision}", revision).replace("{imei}", imei);
    }

    /** Upper case without blanks: how commands are compared. */
    static String normalize(String command) {
        return command.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String require(String v, String name) {
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("persona field missing: " + name);
        return v;
    }
}
