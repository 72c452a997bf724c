/**
 * MBIM through the standard tools: {@link io.ltemodem.mbim.MbimcliTool} (libmbim's mbimcli, optionally through
 * mbim-proxy) and {@link io.ltemodem.mbim.UmbimTool} (OpenWrt's umbim), behind {@link io.ltemodem.mbim.MbimTool};
 * {@link io.ltemodem.mbim.MbimTools#choose} picks one. Every call is one subprocess with a deadline
 * ({@link io.ltemodem.mbim.MbimTimeouts}) past which it is killed; results are typed
 * ({@link io.ltemodem.mbim.MbimResult}: value, MBIM status, timeout, failure) and parsed from the tools' output by
 * {@link io.ltemodem.mbim.MbimcliParsers} / {@link io.ltemodem.mbim.UmbimParsers}, which never throw.
 *
 * <p>Sessions: without the proxy the MBIM session stays open across calls — the first call opens it with
 * {@code --no-close}, later ones continue with {@code --no-open=<trid>} using the id mbimcli printed (umbim:
 * {@code -n -t <trid>}, ids counted as mbim.sh does). A modem that answers NotOpened (it reset) gets a fresh open; a
 * call killed at its deadline ends the session (the next call opens). With the proxy, mbim-proxy holds the device.
 *
 * <p>Secrets: PIN, username and password go on the tool's command line (neither tool can read them from elsewhere)
 * but are masked in every log line, result message and {@code toString}.
 */
package io.ltemodem.mbim;
