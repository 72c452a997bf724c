package io.ltemodem.mbim;

/** SUBSCRIBER_READY_STATUS: the SIM's ready state, IMSI and ICCID (null when the modem did not tell). */
public record SubscriberStatus(ReadyState readyState, String subscriberId, String iccid) {
}
