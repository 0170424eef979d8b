package dev.proda.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The bench's figures in the order they were added, written as its one JSON line. */
final class Figures {
    private final Map<String, String> values = new LinkedHashMap<>();

    /** A fraction, with 4 decimals; a ratio with nothing to divide by is {@code null}. */
    Figures ratio(String name, Ratio ratio) {
        return put(name, ratio.whole() == 0 ? "null" : String.format(Locale.ROOT, "%.4f", ratio.value()));
    }

    Figures fraction(String name, double value) {
        return put(name, String.format(Locale.ROOT, "%.4f", value));
    }

    Figures rounded(String name, double value) {
        return put(name, String.format(Locale.ROOT, "%.0f", value));
    }

    Figures count(String name, long value) {
        return put(name, Long.toString(value));
    }

    private Figures put(String name, String value) {
        if (values.putIfAbsent(name, value) != null) {
            throw new IllegalStateException("figure " + name + " added twice");
        }
        return this;
    }

    String jsonLine() {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value));
        return json.append('}').toString();
    }

    /** {@code part / whole}; undefined (not zero) when {@code whole} is 0. */
    record Ratio(int part, int whole) {
        double value() {
            return whole == 0 ? Double.NaN : (double) part / whole;
        }

        /** "0.812 (13/16)", or "n/a (0/0)". */
        @Override
        public String toString() {
            return (whole == 0 ? "  n/a" : String.format(Locale.ROOT, "%.3f", value())) + " (" + part + "/" + whole
                    + ")";
        }
    }
}
