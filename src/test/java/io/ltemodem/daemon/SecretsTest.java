package io.ltemodem.daemon;

import com.google.gson.JsonObject;
import io.ltemodem.TestSecrets;
import io.ltemodem.api.ApiDispatcher;
import io.ltemodem.api.Reply;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.device.UsbCompositions;
import io.ltemodem.engine.EngineListener;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.mbim.MbimTimeouts;
import io.ltemodem.mbim.MbimcliTool;
import io.ltemodem.model.StateKind;
import io.ltemodem.qmi.QmicliTool;
import io.ltemodem.qmi.RealQmicli;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.mbim.AtModemMbimModel;
import io.ltemodem.sim.mbim.MbimSimulator;
import io.ltemodem.sim.mbim.RealMbimcli;
import io.ltemodem.uci.ConfigReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The PIN and the APN password travel every path that carries them — the PIN over AT, QMI and MBIM (right and
 * wrong), the password with AT +CGAUTH, QMI WDS, Huawei ^NDISDUP and MBIM CONNECT — and never show in what the daemon
 * tells: ubus replies (every method), state events and actions, and error messages. What it logs is checked by the
 * scan of the suite's whole output after {@code mvn test} ({@code src/test/shell/secrets-scan.sh}).
 */
class SecretsTest {
    @TempDir
    Path dir;
    private SysfsRig rig;
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        rig = new SysfsRig(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    private static final ModemConfig WANT = ModemConfig.defaults("wwan").toBuilder().apn("internet").auth(ModemConfig.Auth.PAP)
            .username("jo").password(TestSecrets.PASSWORD).pincode(TestSecrets.PIN).build();

    private HostTools tools() {
        Path qmicli = RealQmicli.require();
        Path mbimcli = RealMbimcli.require();
        return HostTools.installed(rig.runner).withLinks(n -> true)
                .withQmi(d -> new QmicliTool(qmicli.toString(), d, false, rig.runner, RealQmicli.TEST_TIMEOUTS))
                .withMbim(d -> new MbimcliTool(mbimcli.toString(), d, false, rig.runner, new MbimTimeouts(4_000, 6_000)));
    }

    private void start(ModemConfig want) {
        Daemon d = rig.start(() -> want, tools());
        d.addListener(new EngineListener() {
            @Override
            public void onStateChange(StateEvent e) {
                told.add(e.toString() + " " + e.reason() + " " + e.to());
            }

            @Override
            public void onAction(String modem, String action, String reason, long at) {
                told.add(action + " " + reason);
            }
        });
    }

    /** Every method's reply, including an AT console line that carries the PIN, and what the events said. */
    private void assertNothingTold() {
        ApiDispatcher api = new ApiDispatcher(rig.daemon);
        JsonObject modem = new JsonObject();
        modem.addProperty("modem", "wwan");
        JsonObject iface = new JsonObject();
        iface.addProperty("interface", "wwan");
        JsonObject at = modem.deepCopy();
        at.addProperty("command", "AT+CPIN=\"" + TestSecrets.PIN + "\"");
        JsonObject atAuth = modem.deepCopy();
        atAuth.addProperty("command", "AT+CGAUTH=1,1,\"jo\",\"" + TestSecrets.PASSWORD + "\"");
        JsonObject wrongType = new JsonObject();
        wrongType.addProperty("modem", TestSecrets.PIN + "\u0001");
        List<Reply> replies = List.of(api.call("list", new JsonObject()), api.call("status", new JsonObject()), api.call("status", modem),
                api.call("info", modem), api.call("signal", modem), api.call("at", at), api.call("at", atAuth),
                api.call("status", wrongType), api.call("reload", new JsonObject()));
        for (Reply r : replies) assertEquals(List.of(), TestSecrets.in(r.toString()), "a reply told a secret: " + r);
        for (String t : told) assertEquals(List.of(), TestSecrets.in(t), "an event told a secret: " + t);
        ModemStatus s = rig.daemon.status("wwan");
        assertEquals(List.of(), TestSecrets.in(String.valueOf(s)), "the status record");
        assertEquals(List.of(), TestSecrets.in(String.valueOf(s.lastError())));
    }

    private ModemStatus awaitKind(StateKind k) throws InterruptedException {
        return rig.await(s -> s.state().kind() == k, k.name());
    }

    @Test
    void overAt() throws Exception {
        UsbCompositions.quectelEc25Qmi(rig.tree, "1-1");
        SimModem sim = rig.closing(rig.modem("quectel-ec25").pin(TestSecrets.PIN).puk(TestSecrets.PUK).simState(SimCardState.PIN)
                .portLink(rig.dev.resolve("ttyUSB2")).build().start());
        start(WANT.withProtocol("at"));
        awaitKind(StateKind.ONLINE);
        assertTrue(sim.commandLog().stream().anyMatch(c -> c.startsWith("AT+CGAUTH=1,1")), "the password went to the modem");
        assertEquals(1, sim.pinAttempts());
        assertNothingTold();
    }

    @Test
    void overQmi() throws Exception {
        // An M.2 module showing only its QMI function: control and data over QMI, the PIN through UIM, the password
        // through WDS Start Network.
        rig.tree.device("1-1", "2c7c", "0125").strings("Quectel", "EC25-E").iface(4, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
        rig.closing(rig.modem("quectel-ec25").pin(TestSecrets.PIN).simState(SimCardState.PIN)
                .qmiPortLink(rig.dev.resolve("cdc-wdm0")).build().start());
        start(WANT);
        awaitKind(StateKind.ONLINE);
        assertNothingTold();
    }

    @Test
    void overMbim() throws Exception {
        UsbCompositions.mbimOnly(rig.tree, "1-1");
        SimModem sim = rig.closing(rig.modem("fibocom-l850").pin(TestSecrets.PIN).simState(SimCardState.PIN).build().start());
        MbimSimulator mbim = rig.closing(MbimSimulator.builder(new AtModemMbimModel(sim.model())).clock(rig.clock).start());
        Files.createSymbolicLink(rig.dev.resolve("cdc-wdm0"), Path.of(mbim.devicePath()));
        start(WANT);
        awaitKind(StateKind.ONLINE);
        assertEquals(1, sim.pinAttempts());
        assertNothingTold();
    }

    @Test
    void overHuaweiNdisdup() throws Exception {
        UsbCompositions.huaweiE3372Stick(rig.tree, "1-1");
        SimModem sim = rig.closing(rig.modem("huawei-e3372").portLink(rig.dev.resolve("ttyUSB0")).build().start());
        start(WANT);
        awaitKind(StateKind.ONLINE);
        assertTrue(sim.commandLog().stream().anyMatch(c -> c.startsWith("AT^NDISDUP=1,1")), String.valueOf(sim.commandLog()));
        assertNothingTold();
    }

    @Test
    void aWrongPinIsNamedButNotShown() throws Exception {
        UsbCompositions.quectelEc25Qmi(rig.tree, "1-1");
        rig.closing(rig.modem("quectel-ec25").pin("24681357").puk(TestSecrets.PUK).simState(SimCardState.PIN)
                .portLink(rig.dev.resolve("ttyUSB2")).build().start());
        start(WANT.withProtocol("at"));
        ModemStatus s = awaitKind(StateKind.NEEDS_USER);
        assertNotNull(s.lastError());
        assertNothingTold();
    }

    @Test
    void badSecretValuesInUciAreReportedWithoutTheirValues() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("network"), "config interface 'wwan'\n\toption proto 'ltemodem'\n"
                + "\toption pincode '" + TestSecrets.PASSWORD + "'\n"
                + "\toption password '" + TestSecrets.PASSWORD.repeat(5) + "'\n");
        ConfigReader reader = ConfigReader.forDirectory(config);
        List<String> errors = reader.load().errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("pincode")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("password")), errors.toString());
        for (String e : errors) assertEquals(List.of(), TestSecrets.in(e), "a configuration error showed the secret: " + e);
    }
}
