package com.voxanne.ops.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/** Date pickers that read "27 Oct 2026" whatever the machine's locale, the same way dates read everywhere else in the console. */
public final class DateFields {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private DateFields() {
    }

    public static DatePicker picker(String prompt, LocalDate value) {
        DatePicker picker = new DatePicker(value);
        picker.setPromptText(prompt);
        picker.setPrefWidth(150);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : FORMAT.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), FORMAT);
                } catch (DateTimeParseException e) {
                    try {
                        return LocalDate.parse(text.strip());
                    } catch (DateTimeParseException again) {
                        return picker.getValue();
                    }
                }
            }
        });
        return picker;
    }
}
