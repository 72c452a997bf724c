package io.ltemodem.sim.mbim;

import io.ltemodem.mbim.MbimTools;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;

/** The real Debian {@code mbimcli}; tests that need it call {@link #require()} and are skipped, loudly, without it. */
public final class RealMbimcli {
    private RealMbimcli() {
    }

    /** The mbimcli binary, or the test is skipped with a line on stderr saying why. */
    public static Path require() {
        Path p = MbimTools.find("mbimcli", MbimTools.searchPath());
        if (p == null) {
            System.err.println("SKIPPED: mbimcli (libmbim-utils) is not installed; the MBIM tests against the real tool did not run"
                    + " (apt-get install -y libmbim-utils)");
        }
        Assumptions.assumeTrue(p != null, "mbimcli not installed");
        return p;
    }
}
