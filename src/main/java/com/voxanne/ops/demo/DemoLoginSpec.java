package com.voxanne.ops.demo;

/**
 * A demo login a demo workspace creates: its role name, the e-mail of its profile (null while only
 * planned), its organization and its role there. A plain value, so the sign-in window can offer the
 * demo logins without knowing how the demo is generated.
 */
public record DemoLoginSpec(String loginRole, String email, String organization, String role) {
}
