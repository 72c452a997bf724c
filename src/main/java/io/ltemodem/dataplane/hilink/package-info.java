/**
 * Modems without a control plane ({@link io.ltemodem.dataplane.hilink.HiLinkDataPlane}, name {@code cdc_ether}): a
 * HiLink stick routes by itself; only its Ethernet link and the data path can be observed. See the class for the
 * proposed status ("no control plane") and ladder handling.
 */
package io.ltemodem.dataplane.hilink;
