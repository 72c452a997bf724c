package io.ltemodem.sim.qmi;

/** Answers the requests of one QMI service. */
interface ServiceHandler {
    /** The reply, or {@link Reply#error} with InvalidQmiCommand for a message it does not know. */
    Reply handle(QmuxMessage request);
}
