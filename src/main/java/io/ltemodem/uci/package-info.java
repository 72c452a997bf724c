/**
 * UCI configuration: reading {@code /etc/config/network} (every {@code config interface} with
 * {@code option proto 'ltemodem'}) and {@code /etc/config/ltemodem} into validated {@link io.ltemodem.config}
 * records, through libuci ({@link io.ltemodem.uci.NativeUci}, JNA) or a pure-Java parser of the same syntax
 * ({@link io.ltemodem.uci.UciTextParser}) when libuci is not there. Both give identical {@link UciPackage}s; the
 * validation ({@link io.ltemodem.uci.ConfigReader}) is shared and driven by {@code options.json}
 * ({@link io.ltemodem.uci.OptionSchema}). {@link io.ltemodem.uci.ConfigDiff} tells a reload what changed.
 *
 * <p>Only committed configuration is read (the file in the config directory, not the uncommitted changes that
 * {@code uci set} leaves in {@code /tmp/.uci}): the daemon acts on {@code uci commit} + {@code reload}.
 */
package io.ltemodem.uci;
