package com.voxanne.ops.demo;

/**
 * A demo login a demo workspace creates: its role name, the e-mail of its profile (null while only
 * planned), its organization, its role there, and its seat in words ("manager", or "second manager"
 * for the one who signs off the first manager's evaluations). A plain value, so the sign-in window
 * can offer the demo logins without knowing how the demo is generated.
 */
public record DemoLoginSpec(String loginRole, String email, String organization, String role, String seat) {

    /** As the sign-in window lists it: "Harley Street Dental Clinic — second manager". */
    public String label() {
        return organization + " — " + seat;
    }
}
