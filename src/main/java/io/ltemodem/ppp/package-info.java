/**
 * PPP over the modem's data tty ({@link io.ltemodem.ppp.PppDataPlane}, name {@code ppp}): generated pppd options (mode
 * 0600, holding the credentials, passed as {@code pppd file <options>}) and chat script
 * ({@link io.ltemodem.ppp.PppFiles}), pppd supervised as a child of the daemon ({@link io.ltemodem.sys.SupervisedProcess}),
 * the link state from pppd's ip-up hook ({@link io.ltemodem.ppp.PppLinkState}), exit codes explained
 * ({@link io.ltemodem.ppp.PppExit}).
 */
package io.ltemodem.ppp;
