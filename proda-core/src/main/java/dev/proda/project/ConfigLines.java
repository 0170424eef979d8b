package dev.proda.project;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each key of a proda.yaml stands, by dotted path ({@code student.width}), so that an error names the
 * line the user wrote. Jackson's own location points past the whole section: records are built from a
 * buffered object, so it reports the line where the section ends.
 */
final class ConfigLines {
    private final Map<String, Integer> lines;

    private ConfigLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static ConfigLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    java.util.LinkedList<String> path = new java.util.LinkedList<>();
                    for (var context = parser.getParsingContext(); context != null && !context.inRoot();
                            context = context.getParent()) {
                        if (context.inObject() && context.getCurrentName() != null) {
                            path.addFirst(context.getCurrentName());
                        }
                    }
                    lines.putIfAbsent(String.join(".", path), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // malformed YAML: the mapper reports it with its own location
        }
        return new ConfigLines(lines);
    }

    /** The line of {@code key}, else the one Jackson reports. */
    int lineOf(String key, JsonProcessingException e) {
        Integer line = lines.get(key);
        return line != null ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** The dotted key of a mapping error's path: {@code student.width}. */
    static String key(List<JsonMappingException.Reference> path) {
        return path.stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** What a key of this type takes, in the user's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a section of keys";
    }

    /** The value given, when the error says it. */
    static String given(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getValue() != null) {
            return ", not '" + f.getValue() + "'";
        }
        return "";
    }
}
