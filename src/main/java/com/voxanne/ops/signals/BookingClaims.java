package com.voxanne.ops.signals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a voice agent says it made a booking, and for when (issue 16): the agent's last sentence
 * that claims a booking, and the day and time it names ({@link BookingTime}), read against the
 * call's day. A claim whose time cannot be read is {@linkplain Claim#readable() unreadable}: it
 * still counts as a claim (a booking said to be made must exist), but it never matches an
 * appointment's time, and never mismatches one either.
 */
final class BookingClaims {

    /** The phrasings that claim a booking was made (not offered: "I have Thursday at 1" is an offer). */
    static final List<String> PHRASES = List.of("you're booked in", "you are booked in", "you're booked for", "you are booked for",
            "i've put you down for", "i have put you down for", "i've booked you", "i have booked you", "booked you in",
            "see you on", "your appointment is confirmed", "that's confirmed for", "that is confirmed for", "i've scheduled you",
            "i have scheduled you", "you're all set for", "you are all set for", "your booking is confirmed");

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+");

    /** A booking the agent claims: the words, and the time they name if they can be read. */
    record Claim(String words, Optional<LocalDateTime> when) {
        boolean readable() {
            return when.isPresent();
        }
    }

    private BookingClaims() {
    }

    /** The last booking claim among the agent's turns of one call, or empty when the agent claimed none. */
    static Optional<Claim> find(List<String> agentTurns, LocalDate callDay) {
        Claim last = null;
        for (String turn : agentTurns) {
            String[] sentences = SENTENCES.split(turn.strip());
            for (int i = 0; i < sentences.length; i++) {
                String lower = sentences[i].toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                if (PHRASES.stream().anyMatch(lower::contains)) {
                    Optional<LocalDateTime> when = BookingTime.read(sentences[i], callDay);
                    if (when.isEmpty() && i > 0) {
                        // "Thursday at 1 pm it is. You're booked in." names the time a sentence before.
                        when = BookingTime.read(sentences[i - 1] + " " + sentences[i], callDay);
                    }
                    last = new Claim(sentences[i].strip(), when);
                }
            }
        }
        return Optional.ofNullable(last);
    }
}
