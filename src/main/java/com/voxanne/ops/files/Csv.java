package com.voxanne.ops.files;

/** CSV for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are defused. */
public final class Csv {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("^[+-]?\\d[\\d.]*$");

    private Csv() {
    }

    /** One quoted cell; null is an empty cell. A leading = + - @ gets a ' so Excel and LibreOffice show it as text. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches() ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** A row of cells joined with commas, ended with CRLF as RFC 4180 asks. */
    public static String row(String... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values[i]));
        }
        return out.append("\r\n").toString();
    }
}
