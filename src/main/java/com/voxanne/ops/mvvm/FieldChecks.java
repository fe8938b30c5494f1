package com.voxanne.ops.mvvm;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of what a person typed, before it is sent: each returns one sentence naming the field and
 * what is wrong, or nothing. The database's constraints stay the last word; these only save a round
 * trip and say it better. Phone numbers are read the way people type them (national numbers in the
 * console's region, spaces, dashes) and stored as E.164.
 */
public final class FieldChecks {

    /** Where the demo organizations are; national numbers typed without +44 are read as British. */
    public static final String DEFAULT_REGION = "GB";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    // The same rule as the database's email_address domain.
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    private FieldChecks() {
    }

    /** The number in E.164 (+447700900123), or empty when it is not a valid phone number. */
    public static Optional<String> e164(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            var number = PHONES.parse(typed.strip(), DEFAULT_REGION);
            // "Possible" (the right length for its country) rather than "valid": numbers in ranges kept for
            // fiction and tests (+44 7700 900xxx) and newly issued ranges are real enough to store.
            if (PHONES.isPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> phone(String field, String typed, boolean required) {
        if (typed == null || typed.isBlank()) {
            return required ? Optional.of(field + " is required.") : Optional.empty();
        }
        if (typed.length() > 40) {
            return Optional.of(field + " is too long to be a phone number.");
        }
        return e164(typed).isPresent() ? Optional.empty()
                : Optional.of(field + " is not a valid phone number: type a UK number (07700 900123) or one with its country code (+33 1 23 45 67 89).");
    }

    public static Optional<String> email(String field, String typed, boolean required) {
        if (typed == null || typed.isBlank()) {
            return required ? Optional.of(field + " is required.") : Optional.empty();
        }
        String t = typed.strip();
        return t.length() <= 254 && EMAIL.matcher(t).matches() ? Optional.empty()
                : Optional.of(field + " is not a valid e-mail address, for example name@clinic.example.");
    }

    public static Optional<String> required(String field, String typed, int maxLength) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(field + " is required.");
        }
        return typed.strip().length() > maxLength ? Optional.of(field + " is longer than " + maxLength + " characters.") : Optional.empty();
    }

    public static Optional<String> maxLength(String field, String typed, int maxLength) {
        return typed != null && typed.length() > maxLength ? Optional.of(field + " is longer than " + maxLength + " characters.") : Optional.empty();
    }

    /** A whole number from {@code min} to {@code max}; blank is allowed when not required. */
    public static Optional<String> wholeNumber(String field, String typed, int min, int max, boolean required) {
        if (typed == null || typed.isBlank()) {
            return required ? Optional.of(field + " is required.") : Optional.empty();
        }
        try {
            int v = Integer.parseInt(typed.strip());
            return v >= min && v <= max ? Optional.empty() : Optional.of(field + " must be between " + min + " and " + max + ".");
        } catch (NumberFormatException e) {
            return Optional.of(field + " must be a whole number between " + min + " and " + max + ".");
        }
    }

    /** A decimal number from {@code min} to {@code max}. */
    public static Optional<String> decimal(String field, String typed, BigDecimal min, BigDecimal max) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(field + " is required.");
        }
        try {
            BigDecimal v = new BigDecimal(typed.strip());
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0 ? Optional.empty()
                    : Optional.of(field + " must be between " + min.toPlainString() + " and " + max.toPlainString() + ".");
        } catch (NumberFormatException e) {
            return Optional.of(field + " must be a number between " + min.toPlainString() + " and " + max.toPlainString() + ".");
        }
    }

    /** The first problem among several checks. */
    @SafeVarargs
    public static Optional<String> first(Optional<String>... checks) {
        for (Optional<String> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Blank becomes null (the database stores "no value", not an empty string). */
    public static String orNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
