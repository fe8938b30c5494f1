package com.voxanne.ops.export;

import java.util.regex.Pattern;

/**
 * Masks personal data in text handed to QA or legal: e-mail addresses, card-like digit runs and
 * phone numbers. Order matters: cards (13–19 digits) before phones, so a card never reads as a
 * phone. Structured phone fields keep their country code and last three digits, enough to tell
 * two callers apart without dialling them.
 */
public final class Redactor {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern CARD = Pattern.compile("(?<![\\d])(?:\\d[ -]?){12,18}\\d(?![\\d])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d(?:[ ().-]?\\d){6,14}(?![\\d])");

    private Redactor() {
    }

    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String out = EMAIL.matcher(value).replaceAll("[email]");
        out = CARD.matcher(out).replaceAll("[card number]");
        return PHONE.matcher(out).replaceAll("[phone]");
    }

    /** +447700900123 becomes +44•••••••123. */
    public static String phone(String e164) {
        if (e164 == null || e164.length() < 7) {
            return e164 == null ? null : "[phone]";
        }
        int keepStart = e164.startsWith("+1") ? 2 : 3;
        return e164.substring(0, keepStart) + "•".repeat(e164.length() - keepStart - 3) + e164.substring(e164.length() - 3);
    }

    public static String email(String value) {
        return value == null ? null : "[email]";
    }
}
