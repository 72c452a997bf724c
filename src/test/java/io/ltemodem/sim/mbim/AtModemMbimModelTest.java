package io.ltemodem.sim.mbim;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtResult;
import io.ltemodem.mbim.MbimIpType;
import io.ltemodem.mbim.MbimStatus;
import io.ltemodem.mbim.PacketServiceState;
import io.ltemodem.mbim.PinType;
import io.ltemodem.mbim.ReadyState;
import io.ltemodem.mbim.RegisterState;
import io.ltemodem.sim.PowerState;
import io.ltemodem.sim.Registration;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.sys.ScaledClock;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/** One simulated modem behind an AT port and an MBIM port: what one port does, the other sees. */
class AtModemMbimModelTest {

    private static SimModem modem(boolean pin) {
        SimModem.Builder b = SimModem.builder().name("mbim-at").persona("fibocom-l850").clock(new ScaledClock(50))
                .bootMillis(5000).registrationDelayMillis(2000);
        if (pin) b.simState(SimCardState.PIN).pin("4321");
        return b.build().start();
    }

    private static void await(String what, BooleanSupplier fact) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!fact.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for: " + what);
            Thread.sleep(5);
        }
    }

    private static ProcessRunner.Result mbimcli(ProcessRunner r, Path mbimcli, String dev, String... args) {
        List<String> cmd = new ArrayList<>(List.of(mbimcli.toString(), "-d", dev));
        cmd.addAll(List.of(args));
        return r.run(cmd, 8_000);
    }

    @Test
    void theAtAndMbimPortsSeeOneModem() throws Exception {
        Path tool = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        try (SimModem modem = modem(true);
             MbimSimulator mbim = MbimSimulator.builder(new AtModemMbimModel(modem.model())).clock(modem.clock()).start();
             AtChannel at = AtChannel.serial("mbim-at", Clock.SYSTEM)) {
            await("firmware up", () -> modem.power() == PowerState.ON);
            at.open(modem.atPort().awaitPath(500_000));
            String dev = mbim.devicePath();

            assertTrue(mbimcli(r, tool, dev, "--query-subscriber-ready-status").stdout().contains("'device-locked'"));
            ProcessRunner.Result pin = mbimcli(r, tool, dev, "--enter-pin=4321");
            assertEquals(0, pin.exitCode(), pin.stderr());
            assertTrue(at.send("AT+CPIN?").line("+CPIN:").contains("READY"), "the PIN entered over MBIM unlocked the AT view");

            await("registered", () -> modem.registration() == Registration.HOME);
            ProcessRunner.Result reg = mbimcli(r, tool, dev, "--query-registration-state");
            assertTrue(reg.stdout().contains("Register state: 'home'") && reg.stdout().contains("Provider ID: '26201'"), reg.stdout());

            ProcessRunner.Result c = mbimcli(r, tool, dev, "--connect=access-string=internet,ip-type=ipv4");
            assertEquals(0, c.exitCode(), c.stderr());
            AtResult act = at.send("AT+CGACT?");
            assertTrue(act.lines().contains("+CGACT: 1,1"), "session 0 is context 1: " + act);
            String address = modem.model().context(1).ipv4().getHostAddress();
            assertTrue(c.stdout().contains("IP [0]: '" + address + "/24'"), c.stdout());
            assertTrue(at.send("AT+CGDCONT?").line("+CGDCONT: 1").contains("\"internet\""));

            assertTrue(at.send("AT+CFUN=4").ok());
            ProcessRunner.Result radio = mbimcli(r, tool, dev, "--query-radio-state");
            assertTrue(radio.stdout().contains("Software radio state: 'off'"), radio.stdout());
            assertTrue(mbimcli(r, tool, dev, "--query-connection-state").stdout().contains("'deactivated'"),
                    "radio off over AT ended the MBIM session");
        }
    }

    @Test
    void mappingOfTheModemStates() throws Exception {
        try (SimModem modem = modem(true)) {
            AtModemMbimModel m = new AtModemMbimModel(modem.model());
            await("firmware up", () -> modem.power() == PowerState.ON);
            assertEquals(ReadyState.DEVICE_LOCKED, m.subscriber().readyState());
            assertNull(m.subscriber().subscriberId(), "no IMSI while locked");
            assertEquals(new MbimModemModel.PinStatus(MbimStatus.NONE, PinType.PIN1, true, 3), m.pin());
            assertEquals(MbimStatus.PIN_REQUIRED, ((MbimModemModel.Refused) m.connect(request())).status());

            for (int i = 0; i < 3; i++) assertEquals(MbimStatus.FAILURE, m.enterPin("0000").status());
            assertEquals(new MbimModemModel.PinStatus(MbimStatus.NONE, PinType.PUK1, true, 10), m.pin(), "three wrong PINs: PUK");
            assertEquals(SimCardState.PUK, modem.simState());
            assertEquals(MbimStatus.FAILURE, m.enterPin("4321").status(), "no PIN helps a SIM that wants the PUK");
            m.detach();
        }
        try (SimModem modem = modem(false)) {
            AtModemMbimModel m = new AtModemMbimModel(modem.model());
            await("registered", () -> modem.registration() == Registration.HOME);
            assertEquals(ReadyState.INITIALIZED, m.subscriber().readyState());
            assertEquals("262011234567890", m.subscriber().subscriberId());
            assertEquals(RegisterState.HOME, m.registration().state());
            assertEquals(PacketServiceState.ATTACHED, m.packetService());
            assertEquals(new MbimModemModel.Connected(MbimIpType.IPV4), m.connect(request()));
            assertEquals(new MbimModemModel.Connected(MbimIpType.IPV4), m.connect(request()), "connecting twice keeps the session");
            assertNotNull(m.ipSettings(0).ipv4());
            assertTrue(m.disconnect(0));
            assertFalse(m.disconnect(0), "nothing left to disconnect");
            assertFalse(m.setRadio(false).softwareOn());
            assertEquals(MbimStatus.RADIO_POWER_OFF, ((MbimModemModel.Refused) m.connect(request())).status());
            assertEquals(4, modem.cfun());
            m.detach();
        }
    }

    private static MbimModemModel.ConnectRequest request() {
        return new MbimModemModel.ConnectRequest(0, "internet", 0, "", "", MbimIpType.IPV4);
    }
}
