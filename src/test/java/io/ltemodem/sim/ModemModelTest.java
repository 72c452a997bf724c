package io.ltemodem.sim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.ltemodem.sim.SimFixture.await;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model on its own, as a QMI or MBIM port would see it: events and methods, no AT. */
class ModemModelTest {
    @Test
    void bootRegistrationAndDataAsEvents() throws Exception {
        List<ModemEvent> events = new CopyOnWriteArrayList<>();
        try (SimModem sim = fast().persona("fibocom-l850").simState(SimCardState.PIN).build()) {
            ModemModel m = sim.model();
            m.addListener(events::add);
            sim.start();
            await("booted", () -> m.power() == PowerState.ON);
            assertEquals(List.of(new ModemEvent.UsbAttached(true), new ModemEvent.Booted(SimCardState.PIN)), events);
            ModemFailureException wrong = assertThrows(ModemFailureException.class, () -> m.enterPin("0000"));
            assertEquals(ModemFailure.INCORRECT_PASSWORD, wrong.failure());
            m.enterPin("1234");
            await("registered", () -> m.registration() == Registration.HOME);
            m.activate(1);
            assertTrue(m.context(1).hasAddress());
            assertEquals(List.of(
                    new ModemEvent.UsbAttached(true),
                    new ModemEvent.Booted(SimCardState.PIN),
                    new ModemEvent.SimChanged(SimCardState.READY),
                    new ModemEvent.RegistrationChanged(RegDomain.GPRS, Registration.SEARCHING),
                    new ModemEvent.RegistrationChanged(RegDomain.EPS, Registration.SEARCHING),
                    new ModemEvent.RegistrationChanged(RegDomain.GPRS, Registration.HOME),
                    new ModemEvent.RegistrationChanged(RegDomain.EPS, Registration.HOME),
                    new ModemEvent.PdpActivated(1, false)), events, "CS stays unregistered on this LTE-only persona");
            assertEquals(Registration.NOT_REGISTERED, m.registration(RegDomain.CS));
        }
    }

    @Test
    void theBuilderRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SimModem.builder().pin("12"));
        assertThrows(IllegalArgumentException.class, () -> SimModem.builder().simState(SimCardState.BUSY));
        assertThrows(IllegalArgumentException.class, () -> SimModem.builder().radio(2));
        assertThrows(IllegalArgumentException.class, () -> SimModem.builder().registrationOutcome(Registration.SEARCHING));
        assertThrows(IllegalArgumentException.class, () -> SimModem.builder().bootMillis(1000).usbEnumerationMillis(2000).build());
        assertThrows(IllegalArgumentException.class, () -> SimModem.builder().persona("nope"));
    }
}
