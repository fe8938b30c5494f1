package com.voxanne.ops.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The platform's stored words as a supervisor reads them: "knowledge_base_search" reads
 * "Knowledge base search", {@code {"max_results": 5}} reads "Max results: 5", true reads "On".
 * What cannot be read (JSON that is not an object of simple values) is shown as it is stored
 * rather than guessed at.
 */
public final class PlainWords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainWords() {
    }

    /** "knowledge_base_search" → "Knowledge base search", "pricing-page" → "Pricing page", "sms" → "SMS", "linkedin" → "LinkedIn". */
    public static String words(String key) {
        if (key == null || key.isBlank()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (String w : key.strip().split("[_\\-.+ ]+")) {
            if (w.isEmpty()) {
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            words.add(switch (lower) {
                case "sms", "crm", "ai", "api", "url", "id", "kb", "faq", "utm", "pms", "ivr", "tts", "stt" -> lower.toUpperCase(Locale.ROOT);
                case "hubspot" -> "HubSpot";
                case "salesforce" -> "Salesforce";
                case "twilio" -> "Twilio";
                case "vapi" -> "Vapi";
                case "google" -> "Google";
                case "bing" -> "Bing";
                case "facebook" -> "Facebook";
                case "instagram" -> "Instagram";
                case "linkedin" -> "LinkedIn";
                case "tiktok" -> "TikTok";
                case "youtube" -> "YouTube";
                case "yelp" -> "Yelp";
                case "openai" -> "OpenAI";
                case "elevenlabs" -> "ElevenLabs";
                default -> w.chars().anyMatch(Character::isUpperCase) ? w : lower;
            });
        }
        if (words.isEmpty()) {
            return key;
        }
        String first = words.get(0);
        words.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
        return String.join(" ", words);
    }

    /** "On", "Off", or nothing when the platform does not say. */
    public static String onOff(Boolean on) {
        return on == null ? "" : on ? "On" : "Off";
    }

    public static String yesNo(Boolean yes) {
        return yes == null ? "" : yes ? "Yes" : "No";
    }

    /**
     * A tool's or integration's settings, stored as JSON, as "name: value" pairs one after the
     * other ("Max results: 5 · Language: en-GB"); lists are joined with commas, nested objects
     * named with their parent ("Hours › Monday: 9–17").
     */
    public static String settings(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            return json;
        }
        if (root == null || !root.isObject()) {
            return json;
        }
        if (root.isEmpty()) {
            return "none";
        }
        List<String> pairs = new ArrayList<>();
        pairs(root, "", pairs);
        return String.join(" · ", pairs);
    }

    private static void pairs(JsonNode object, String prefix, List<String> out) {
        object.fields().forEachRemaining(e -> {
            String name = prefix + words(e.getKey());
            JsonNode v = e.getValue();
            if (v.isObject()) {
                pairs(v, name + " › ", out);
            } else {
                out.add(name + ": " + value(v));
            }
        });
    }

    private static String value(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? "yes" : "no";
        }
        if (v.isNull()) {
            return "not set";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(i.isValueNode() ? value(i) : i.toString()));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        return v.asText();
    }
}
