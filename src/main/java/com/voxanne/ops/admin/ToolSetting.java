package com.voxanne.ops.admin;

import java.time.Instant;
import java.util.UUID;

/** One of the organization's tools (org_tools) as the admin workspace shows it: on or off, with its configuration. */
public record ToolSetting(UUID id, String toolName, boolean enabled, String config, Instant updatedAt) {
}
