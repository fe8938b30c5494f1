package com.voxanne.ops.demo;

import com.voxanne.ops.demo.DemoDataGenerator.CallPlan;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Fills a scenario's template for one call: its transcript, and its summary from the same names and times. */
final class TranscriptWriter {

    private static final ZoneId LOCAL = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.UK);

    private final CallPlan plan;
    private final String caller;
    private final String transcript;

    TranscriptWriter(CallPlan plan, String caller) {
        this.plan = plan;
        this.caller = caller;
        this.transcript = compose();
    }

    String transcript() {
        return transcript;
    }

    private String compose() {
        StringBuilder sb = new StringBuilder(1024);
        for (Scenario.Turn turn : plan.scenario().turns()) {
            if (turn.optional() && !plan.random().chance(0.5)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(turn.agent() ? "AGENT: " : "CALLER: ").append(fill(turn.text()));
        }
        return sb.toString();
    }

    String fill(String template) {
        ZonedDateTime at = plan.appointmentAt().atZone(LOCAL);
        String service = plan.service().name();
        if (template.contains("{claim}")) {
            template = template.replace("{claim}", ClaimPhrasing.say(plan.phrasing(), plan.createdAt().atZone(LOCAL).toLocalDate(),
                    at.toLocalDateTime(), article(service) + " " + service));
        }
        return template
                // "an emergency appointment", "an Invisalign consultation", "a check-up".
                .replace("a {service}", article(service) + " {service}")
                .replace("A {service}", capitalized(article(service)) + " {service}")
                .replace("{org}", plan.org().template().name())
                .replace("{agent}", plan.org().agentName())
                .replace("{caller_first}", caller.substring(0, Math.max(1, caller.indexOf(' '))))
                .replace("{caller}", caller)
                .replace("{service}", plan.service().name())
                .replace("{day}", DAY.format(at))
                .replace("{time}", TIME.format(at).toLowerCase(Locale.UK))
                .replace("{price}", plan.service().pricePence() == 0 ? "free of charge"
                        : String.format(Locale.UK, "£%d", plan.service().pricePence() / 100))
                .replace("{city}", plan.org().template().city());
    }

    private static String article(String noun) {
        return !noun.isEmpty() && "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** About 2.6 words a second of conversation, plus pauses between turns. */
    int estimatedSeconds() {
        String t = transcript;
        int words = t.split("\\s+").length;
        int turns = t.split("\n").length;
        return (int) (words / 2.6) + turns * 2 + plan.random().between(5, 40);
    }
}
