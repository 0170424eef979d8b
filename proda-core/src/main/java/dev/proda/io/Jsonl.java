package dev.proda.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** JSON Lines files of records: one record per line, blank lines ignored. */
public final class Jsonl {
    private Jsonl() {
    }

    /** A record and the line it is on (counted from 1). */
    public record Line<T>(int number, T record) {
    }

    /** Reads every record; a line that is not a valid record fails with file and line in the message. */
    public static <T> List<T> read(Path file, Class<T> type) {
        List<T> records = new ArrayList<>();
        readLines(file, type).forEach(line -> records.add(line.record()));
        return records;
    }

    /** {@link #read}, each record with its line number, for messages that point at a line. */
    public static <T> List<Line<T>> readLines(Path file, Class<T> type) {
        List<Line<T>> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(new Line<>(number, Json.MAPPER.readValue(line, type)));
                } catch (JsonProcessingException e) {
                    throw ProdaFileException.at(file, number, "not a valid " + type.getSimpleName() + ": "
                            + e.getOriginalMessage(), e);
                } catch (RuntimeException e) {
                    throw ProdaFileException.at(file, number, "not a valid " + type.getSimpleName() + ": "
                            + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ProdaFileException("missing file " + file + " (run the stage that writes it first)", e);
        } catch (CharacterCodingException e) {
            throw new ProdaFileException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new ProdaFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** Writes all records atomically (temp file + rename). */
    public static void write(Path file, Collection<?> records) {
        AtomicFiles.write(file, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (Object record : records) {
                writer.write(Json.MAPPER.writeValueAsString(record));
                writer.write('\n');
            }
            writer.flush();
        });
    }

    /** Reads all records of every {@code *.jsonl} file under {@code dir} (sorted by path); none if absent. */
    public static <T> List<T> readAll(Path dir, Class<T> type) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var paths = Files.walk(dir)) {
            List<T> records = new ArrayList<>();
            for (Path file : paths.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                records.addAll(read(file, type));
            }
            return records;
        } catch (IOException e) {
            throw new ProdaFileException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
