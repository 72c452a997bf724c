package io.ltemodem.qmi;

import io.ltemodem.sys.ToolCommand;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class QmiToolsTest {
    @TempDir
    Path dir;

    private Path exe(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private QmiTool choose(QmiTools.Choice c) {
        return QmiTools.choose(c, QmiTools.Proxy.OFF, "/dev/cdc-wdm0", new ProcessRunner(), QmiTimeouts.DEFAULTS, List.of(dir));
    }

    @Test
    void qmicliFirstThenUqmiAndConfigCanForce() throws Exception {
        assertNull(choose(QmiTools.Choice.AUTO));
        exe("uqmi");
        assertEquals("uqmi", choose(QmiTools.Choice.AUTO).name());
        assertNull(choose(QmiTools.Choice.QMICLI));
        exe("qmicli");
        assertEquals("qmicli", choose(QmiTools.Choice.AUTO).name());
        assertEquals("uqmi", choose(QmiTools.Choice.UQMI).name());
        assertEquals("/dev/cdc-wdm0", choose(QmiTools.Choice.QMICLI).device());
    }

    @Test
    void aNonExecutableFileIsNotATool() throws Exception {
        Files.writeString(dir.resolve("qmicli"), "");
        assertNull(choose(QmiTools.Choice.AUTO));
    }

    @Test
    void qmicliValuesAreQuotedOnlyWhenNeeded() {
        assertEquals("internet", QmicliTool.quote("internet"));
        assertEquals("\"a,b\"", QmicliTool.quote("a,b"));
        assertEquals("'say \"hi\"'", QmicliTool.quote("say \"hi\""));
        assertEquals("\"it's\"", QmicliTool.quote("it's"));
        assertNull(QmicliTool.quote("both ' and \""));
    }

    @Test
    void secretsAreMaskedInDisplayAndScrubbedFromOutput() {
        ToolCommand c = new ToolCommand("qmicli", "-d", "/dev/cdc-wdm0")
                .secret("--uim-verify-pin=PIN1,8642", "--uim-verify-pin=PIN1,***", "8642");
        assertEquals(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--uim-verify-pin=PIN1,8642"), c.argv());
        assertEquals("qmicli -d /dev/cdc-wdm0 --uim-verify-pin=PIN1,***", c.display());
        assertEquals("debug: pin '***'", c.scrub("debug: pin '8642'"));
    }
}
