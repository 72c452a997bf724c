package io.ltemodem.uci;

import java.nio.file.Path;

/** Loads one config file from a config directory ({@code /etc/config}): libuci, or the Java parser. */
public interface UciBackend {
    UciPackage load(Path confdir, String name) throws UciException;

    /** For messages: "libuci" or "the built-in UCI parser". */
    String describe();
}
