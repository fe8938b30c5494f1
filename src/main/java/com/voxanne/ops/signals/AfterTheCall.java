package com.voxanne.ops.signals;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened after a call, from the organization's records: the status of the appointment
 * booked on it (its booking window, as the signals have it), the same number ringing in again
 * within 48 hours, a follow-up within 24 (an outbound call to the number, or a later appointment),
 * and the caller's lead status now.
 */
public record AfterTheCall(UUID callId, String appointmentStatus, Instant appointmentAt, UUID calledAgainId, Instant calledAgainAt,
                           boolean followedUp, String leadStatus) {
}
