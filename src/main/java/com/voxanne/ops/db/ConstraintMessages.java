package com.voxanne.ops.db;

import java.util.Map;
import java.util.Optional;

/**
 * One sentence per database constraint, so a refused save reads as advice rather than SQL.
 * The database stays the judge; this only explains its verdict. A test checks that every CHECK
 * and domain constraint of the schema has a sentence here.
 */
public final class ConstraintMessages {

    private static final Map<String, String> SENTENCES = Map.ofEntries(
            // Domains shared by many columns.
            Map.entry("phone_e164_format", "Phone numbers must be in international E.164 form, for example +442071234567."),
            Map.entry("email_address_format", "That is not a valid e-mail address."),
            // organizations
            Map.entry("organizations_name_not_blank", "An organization needs a name."),
            Map.entry("organizations_plan_check", "The plan must be starter, professional or enterprise."),
            Map.entry("organizations_telephony_mode_check", "Telephony mode must be byoc, managed or none."),
            // profiles
            Map.entry("profiles_role_check", "A profile's role must be admin, manager or user."),
            Map.entry("profiles_status_check", "A profile's status must be active, inactive or suspended."),
            // contacts
            Map.entry("contacts_lead_status_check", "Lead status must be hot, warm, cold or contacted."),
            Map.entry("contacts_lead_score_check", "Lead score must be between 0 and 100."),
            // calls
            Map.entry("calls_call_direction_check", "A call is either inbound or outbound."),
            Map.entry("calls_duration_seconds_check", "A call's duration cannot be negative."),
            Map.entry("calls_status_check", "Call status must be pending, in progress, completed or failed."),
            Map.entry("calls_sentiment_label_check", "Sentiment must be positive, neutral or negative."),
            Map.entry("calls_sentiment_score_check", "Sentiment score must be between 0.0 and 1.0."),
            Map.entry("calls_sentiment_urgency_check", "Urgency must be low, medium, high or critical."),
            Map.entry("calls_recording_url_check", "A recording link must be an http or https address."),
            // appointments
            Map.entry("appointments_title_not_blank", "An appointment needs a title."),
            Map.entry("appointments_duration_minutes_check", "An appointment lasts between 1 minute and 24 hours."),
            Map.entry("appointments_status_check", "Appointment status must be scheduled, completed, cancelled or no-show."),
            // call_tracking, flags, tools
            Map.entry("call_tracking_device_type_check", "Device type must be mobile, desktop or unknown."),
            Map.entry("feature_flags_name_format", "A feature flag name uses lower-case letters, digits, dots, dashes and underscores."),
            Map.entry("feature_flags_rollout_percentage_check", "Rollout must be between 0 and 100 percent."),
            Map.entry("org_tools_tool_name_format", "A tool name uses lower-case letters, digits and underscores."),
            // configuration tables
            Map.entry("knowledge_base_content_type_check", "Content type must be text, markdown, faq, pdf or url."),
            Map.entry("knowledge_base_status_check", "An article is draft, published or archived."),
            Map.entry("knowledge_base_version_check", "Versions start at 1."),
            Map.entry("agents_status_check", "An agent is draft, active, paused or archived."),
            Map.entry("agents_call_role_check", "An agent takes inbound calls, makes outbound calls, or both."),
            Map.entry("agents_language_format", "Language must be a code such as en or en-GB."),
            Map.entry("agents_voice_provider_check", "That voice provider is not supported."),
            Map.entry("agents_voice_speed_check", "Voice speed must be between 0.5 and 2.0."),
            Map.entry("agents_voice_stability_check", "Voice stability must be between 0.0 and 1.0."),
            Map.entry("agents_model_provider_check", "That model provider is not supported."),
            Map.entry("agents_temperature_check", "Temperature must be between 0.0 and 2.0."),
            Map.entry("agents_max_tokens_check", "Max tokens must be between 1 and 8192."),
            Map.entry("agents_first_message_mode_check", "The agent either speaks first or waits for the caller."),
            Map.entry("agents_transcriber_provider_check", "That transcription provider is not supported."),
            Map.entry("agents_max_call_duration_seconds_check", "Maximum call length must be between 30 seconds and 2 hours."),
            Map.entry("agents_silence_timeout_seconds_check", "Silence timeout must be between 5 and 600 seconds."),
            Map.entry("agents_response_delay_ms_check", "Response delay must be between 0 and 5000 milliseconds."),
            Map.entry("agents_interruption_threshold_words_check", "Interruption threshold must be between 0 and 20 words."),
            Map.entry("agents_background_sound_check", "Background sound must be off, office or cafe."),
            Map.entry("agents_after_hours_behavior_check", "After hours the agent takes voicemail, transfers, takes a message or hangs up."),
            Map.entry("services_duration_minutes_check", "A service lasts between 1 minute and 24 hours."),
            Map.entry("services_price_pence_check", "A price cannot be negative."),
            Map.entry("knowledge_base_chunks_chunk_index_check", "Chunk positions start at 0."),
            Map.entry("knowledge_base_chunks_token_count_check", "A token count cannot be negative."),
            Map.entry("knowledge_base_changelog_change_type_check", "A change is created, updated, published or archived."),
            Map.entry("integrations_provider_check", "That integration provider is not supported."),
            Map.entry("integrations_status_check", "An integration is connected, disconnected, pending or in error."),
            Map.entry("org_credentials_secret_hint_check", "A credential hint is at most 8 characters."),
            Map.entry("carrier_forwarding_rules_country_code_format", "Country codes are two capital letters, for example GB."),
            Map.entry("carrier_forwarding_rules_forwarding_type_check", "Forwarding is unconditional, on busy, on no answer or when unreachable."),
            Map.entry("leads_stage_check", "A lead's stage is new, qualified, proposal, won or lost."),
            Map.entry("leads_value_pence_check", "A lead's value cannot be negative."),
            Map.entry("audit_logs_action_check", "That is not an audited action."),
            Map.entry("telephony_country_audit_log_country_code_format", "Country codes are two capital letters, for example GB."),
            Map.entry("telephony_country_audit_log_previous_mode_check", "Telephony mode must be byoc, managed or none."),
            Map.entry("telephony_country_audit_log_new_mode_check", "Telephony mode must be byoc, managed or none."),
            Map.entry("security_audit_log_event_type_check", "That is not a recorded security event."),
            Map.entry("hot_lead_alerts_lead_score_check", "Lead score must be between 0 and 100."),
            Map.entry("hot_lead_alerts_urgency_check", "Urgency must be low, medium, high or critical."),
            Map.entry("hot_lead_alerts_acknowledged_pair", "An acknowledgement records both who and when."),
            Map.entry("twilio_subaccounts_account_sid_format", "A Twilio account SID is AC followed by 32 hexadecimal digits."),
            Map.entry("twilio_subaccounts_status_check", "A subaccount is active, suspended or closed."),
            Map.entry("escalation_rules_trigger_type_check", "A rule triggers on low sentiment, high urgency or a high lead score."),
            Map.entry("escalation_rules_action_check", "A rule notifies, transfers, or sends an SMS or e-mail."),
            Map.entry("escalation_rules_threshold_range", "The threshold is out of range for that kind of rule."),
            // the console's own tables
            Map.entry("audit_trail_action_check", "That is not an audited action."),
            Map.entry("acknowledgements_entity_check", "Only hot lead alerts and calls are acknowledged."),
            Map.entry("call_readings_claim_source_check", "A booking claim is read from the agent's words or the call's summary."),
            Map.entry("call_signals_kind_check", "That is not a kind of signal the console knows."),
            Map.entry("change_channel_secret_one_row", "There is one live-channel secret."),
            // quality review (V9)
            Map.entry("scorecard_forms_name_not_blank", "A form needs a name of at most 120 characters."),
            Map.entry("scorecard_forms_name_unique", "Your organization already has a form with that name."),
            Map.entry("scorecard_forms_kind_check", "A form is for a clinic, a law firm, a trades business, or any organization."),
            Map.entry("scorecard_versions_version_check", "Form versions are numbered from 1."),
            Map.entry("scorecard_versions_form_version_unique", "That version of the form exists already; reload the form."),
            Map.entry("scorecard_versions_pass_mark_check", "The pass mark is a score from 0 to 100."),
            Map.entry("scorecard_versions_in_use", "This version of the form has evaluations, so it cannot change: "
                    + "make a new version and edit that one."),
            Map.entry("scorecard_questions_section_not_blank", "A question needs a section of at most 80 characters."),
            Map.entry("scorecard_questions_position_check", "Questions are numbered from 1."),
            Map.entry("scorecard_questions_position_unique", "Two questions of the form have the same place; reload the form."),
            Map.entry("scorecard_questions_prompt_not_blank", "A question needs its words, at most 200 characters."),
            Map.entry("scorecard_questions_help_length", "A question's help text is at most 1,000 characters."),
            Map.entry("scorecard_questions_answer_type_check", "A question is answered yes or no, from 1 to 5, or with a choice."),
            Map.entry("scorecard_questions_weight_check", "A question's weight is more than 0 and at most 100."),
            Map.entry("scorecard_questions_choices_check", "A choice question needs two to ten choices, each with a label and a score "
                    + "from 0 to 1; other questions have none."),
            Map.entry("review_settings_sample_percent_check", "The daily sample is a share from 0 to 100 percent."),
            Map.entry("review_settings_always_review_check", "Only the console's signals can be marked always reviewed."),
            Map.entry("evaluations_status_check", "An evaluation is a draft, submitted, signed off or reopened."),
            Map.entry("evaluations_step_check", "An evaluation goes from draft to submitted to signed off, and is reopened with a reason; "
                    + "it cannot take that step from where it is."),
            Map.entry("evaluations_reopen_reason_length", "The reason for reopening is at most 1,000 characters."),
            Map.entry("evaluations_reopen_reason_required", "Say why the evaluation is reopened: the reviewer reads it."),
            Map.entry("evaluations_offline_signer_length", "The offline signer's name is at most 200 characters."),
            Map.entry("evaluations_call_visible", "That call is not one of your organization's, so it cannot be evaluated here."),
            Map.entry("evaluations_unanswered", "Every question needs an answer (or N/A where it allows one) before the evaluation is submitted."),
            Map.entry("evaluations_own_sign_off", "Someone other than the reviewer signs an evaluation off."),
            Map.entry("evaluations_answers_frozen", "A submitted evaluation's answers do not change; reopen it first."),
            Map.entry("evaluation_answers_value_or_na", "An answer is a value or N/A, not both."),
            Map.entry("evaluation_answers_value_check", "That answer does not fit the question."),
            Map.entry("evaluation_answers_na_not_allowed", "This question cannot be answered N/A."),
            Map.entry("evaluation_comments_turn_index_check", "A comment is pinned to a turn of the transcript, numbered from 0."),
            Map.entry("evaluation_comments_body_check", "A comment needs words, at most 4,000 characters."),
            Map.entry("review_queue_call_unique", "That call is in the review queue already."),
            Map.entry("review_queue_reasons_check", "A call in the review queue needs a reason to be there."));

    private ConstraintMessages() {
    }

    public static Optional<String> sentenceFor(String constraintName) {
        return Optional.ofNullable(constraintName).map(SENTENCES::get);
    }

    static boolean knows(String constraintName) {
        return SENTENCES.containsKey(constraintName);
    }
}
