package com.voxanne.ops.calls;

import com.voxanne.ops.records.Contact;
import com.voxanne.ops.records.CallTracking;
import java.util.List;
import java.util.Optional;

/** Everything the detail pane shows about one call. */
public record CallDetails(CallDetail call, Optional<Contact> contact, List<CallTracking> tracking, Transcript transcript,
                          List<com.voxanne.ops.records.Appointment> appointments) {
}
