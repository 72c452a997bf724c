package io.ltemodem.daemon;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;

import java.util.List;

/** Where the configuration comes from (libuci, the UCI text parser, or a test). */
public interface ConfigSource {
    /** A loaded configuration: what is valid, and one message per invalid value (section, option, value). */
    record Loaded(DaemonConfig daemon, List<ModemConfig> modems, List<String> errors) {
        public Loaded {
            modems = List.copyOf(modems);
            errors = List.copyOf(errors);
        }
    }

    Loaded load();

    /** The same configuration, with what the daemon keeps across restarts (rejected PINs) in {@code dir}. */
    default ConfigSource withStateDir(java.nio.file.Path dir) {
        return () -> {
            Loaded l = load();
            return new Loaded(l.daemon().withStateDir(dir), l.modems(), l.errors());
        };
    }
}
