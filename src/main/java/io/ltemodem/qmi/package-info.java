/**
 * QMI through the standard tools: {@link io.ltemodem.qmi.QmicliTool} (libqmi's {@code qmicli}, text output) and
 * {@link io.ltemodem.qmi.UqmiTool} (OpenWrt's {@code uqmi}, JSON), both behind {@link io.ltemodem.qmi.QmiTool};
 * {@link io.ltemodem.qmi.QmiTools} picks one by what is installed or what configuration forces.
 *
 * <p>Rules every call keeps:
 * <ul>
 *   <li>one subprocess per request through {@link io.ltemodem.sys.ProcessRunner}, with our own deadline
 *       ({@link io.ltemodem.qmi.QmiTimeouts}, shorter than qmicli's 10 s; uqmi always gets {@code -t}); past it
 *       the tool is killed and reaped and the result is a timeout, never a hang;</li>
 *   <li>qmicli always runs with {@code --device-open-qmi} (needed off cdc-wdm, harmless on it) and {@code -p}
 *       when qmi-proxy is used;</li>
 *   <li>secrets (PIN, username, password) are passed as arguments — the tools take them no other way — but every
 *       logged command line shows them as {@code ***} and every message is scrubbed of them;</li>
 *   <li>parsers never throw: what they cannot read stays null (unknown), and a reply that does not look like the
 *       expected one is a failure, not a guess.</li>
 * </ul>
 * Tool results are {@link io.ltemodem.qmi.QmiResult}s: a value, a QMI protocol error (with what the error answer
 * still carried: retries left, call end reasons), a timeout, or a failure of the tool itself.
 */
package io.ltemodem.qmi;
