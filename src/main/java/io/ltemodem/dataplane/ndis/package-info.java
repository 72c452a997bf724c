/**
 * The AT-dialled network modes NCM, ECM, RNDIS and cdc_ether-with-AT ({@link io.ltemodem.dataplane.ndis.AtDialDataPlane}):
 * the vendor dial-up is a {@link io.ltemodem.dataplane.ndis.DialStrategy} picked from profile data
 * ({@link io.ltemodem.dataplane.ndis.DialStrategies}, {@code dial-strategies.json}: profile quirk, then profile id,
 * then the 27.007 default) — Quectel {@code +QNETDEVCTL} with {@code +QICSGP} credentials, Huawei {@code ^NDISDUP}
 * with {@code ^NDISSTATQRY?} and {@code ^DHCP?}, generic {@code +CGACT} with {@code +CGAUTH}. The interface is then
 * addressed by DHCP through netifd: {@code ipConfig.dhcp} (and {@code dhcpv6} per PDP type).
 */
package io.ltemodem.dataplane.ndis;
