package io.ltemodem.sim;

import io.ltemodem.sys.Clock;

import java.nio.file.Path;

/** Everything {@link SimModem.Builder} collected; fixed for the life of one simulator. */
record SimConfig(String name, Persona persona, Clock clock, String pin, String puk, SimCardState initialSim,
                 int pinRetries, int pukRetries, String iccid, String imsi, int bootCfun, long bootMillis,
                 long usbEnumerationMillis, long resetDetachMillis, long simBusyAfterBootMillis,
                 long registrationDelayMillis, Registration registrationOutcome, NetworkConfig network,
                 RadioSignal signal, String requiredApn, String defaultApn, String defaultPdpType,
                 boolean autoActivateDefaultBearer, boolean boardRepowers, long repowerDelayMillis,
                 long immediatePowerDownMillis, Path portLink, long seed, boolean poweredOnAtStart, int mtu,
                 boolean qmi, Path qmiPortLink, int qmiCidPoolSize, Path modemPortLink) {
}
