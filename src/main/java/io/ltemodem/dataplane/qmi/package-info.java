/**
 * The QMI data plane ({@link io.ltemodem.dataplane.qmi.QmiDataPlane}) and the host side of qmi_wwan
 * ({@link io.ltemodem.dataplane.qmi.QmiNetdev}: netdev state and {@code qmi/raw_ip}).
 *
 * <p>Client ids: the plane owns one WDS client per IP family (allocated once with
 * {@code --wds-noop --client-no-release-cid}, reused with {@code --client-cid=N}, released by the stop call or
 * {@link io.ltemodem.dataplane.qmi.QmiDataPlane#close()}). Because the id exists before Start Network runs, a
 * start killed at its deadline leaks nothing: the id is still ours and the next start reuses it. When the modem
 * has no id left, a CTL Sync frees all of them and the allocation is tried once more. Only the allocation itself,
 * if killed, can leave an id we never learned — the next exhaustion's sync collects it.
 *
 * <p>Dual stack is two WDS clients with two sessions (IPv4, IPv6; the IPv6 client gets WDS Set IP Family 6); the
 * IP configuration merges both halves. It counts as up when one family is.
 */
package io.ltemodem.dataplane.qmi;
