package com.voxanne.ops.calls;

import com.voxanne.ops.records.Contact;
import com.voxanne.ops.records.CallTracking;
import com.voxanne.ops.signals.CallOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Everything the detail pane shows about one call, with its signals and what happened after it
 * (empty where the console has no signals, or the call is not visible any more).
 */
public record CallDetails(CallDetail call, Optional<Contact> contact, List<CallTracking> tracking, Transcript transcript,
                          List<com.voxanne.ops.records.Appointment> appointments, Optional<CallOutcome> outcome) {
}
