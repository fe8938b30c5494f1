package com.voxanne.ops.records;

import java.util.UUID;

/** Who the console is signed in as, as the database sees it (voxconsole.console_session). */
public record ConsoleSession(UUID profileId, UUID orgId, String orgName, String role, String fullName, String email, String loginRole) {

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    public boolean isManagerOrAdmin() {
        return "manager".equals(role) || isAdmin();
    }
}
