package dev.proda.interop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.compile.PromptFormat;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.TestItem;
import dev.proda.project.ProjectLayout;
import dev.proda.tester.Tests;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark in the forms other harnesses read, so users can run their own evaluation on it with the same
 * prompts proda scores ("question: …\nanswer:" then " option"):
 *
 * <ul>
 *   <li>{@code lm-eval}: a folder with {@code dev.jsonl}, {@code test.jsonl} ({@code question}, {@code choices},
 *       {@code answer} as the index of the key) and {@code proda.yaml}, an lm-evaluation-harness
 *       {@code multiple_choice} task over them ({@code lm_eval --include_path DIR --tasks proda});</li>
 *   <li>{@code opencompass}: a folder with {@code dev.jsonl} and {@code test.jsonl} in OpenCompass's custom
 *       multiple-choice form ({@code question}, {@code A}…{@code D}, {@code answer} letter);</li>
 *   <li>{@code jsonl}: the items as proda writes them, dev and test in one file.</li>
 * </ul>
 */
public final class BenchExport {
    public static final List<String> FORMATS = List.of("lm-eval", "opencompass", "jsonl");
    /** The lm-eval task name. */
    public static final String TASK = "proda";

    private BenchExport() {
    }

    /** Writes the dev and test items in {@code format} to {@code out}; returns how many items. */
    public static int write(ProjectLayout layout, String format, Path out) {
        Tests.Benchmark benchmark;
        try {
            benchmark = Tests.Benchmark.read(layout);
        } catch (RuntimeException e) {
            throw new ProdaFileException("no benchmark in " + layout.tests() + " (run 'proda tests'): " + e.getMessage());
        }
        List<TestItem> dev = benchmark.dev();
        List<TestItem> test = benchmark.test();
        switch (format) {
            case "lm-eval" -> {
                Jsonl.write(out.resolve("dev.jsonl"), dev.stream().map(BenchExport::lmEval).toList());
                Jsonl.write(out.resolve("test.jsonl"), test.stream().map(BenchExport::lmEval).toList());
                AtomicFiles.writeString(out.resolve(TASK + ".yaml"), lmEvalTask(out));
            }
            case "opencompass" -> {
                Jsonl.write(out.resolve("dev.jsonl"), dev.stream().map(BenchExport::openCompass).toList());
                Jsonl.write(out.resolve("test.jsonl"), test.stream().map(BenchExport::openCompass).toList());
            }
            case "jsonl" -> {
                List<TestItem> all = new java.util.ArrayList<>(dev);
                all.addAll(test);
                Jsonl.write(out, all);
            }
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (" + String.join(", ", FORMATS)
                    + ")");
        }
        return dev.size() + test.size();
    }

    private static ObjectNode lmEval(TestItem item) {
        ObjectNode doc = Json.MAPPER.createObjectNode().put("id", item.id()).put("question", item.question());
        var choices = doc.putArray("choices");
        item.letters().forEach(l -> choices.add(item.options().get(l)));
        doc.put("answer", item.letters().indexOf(item.answer().substring(0, 1)));
        doc.put("form", item.form()).put("discipline", item.discipline());
        return doc;
    }

    private static ObjectNode openCompass(TestItem item) {
        ObjectNode doc = Json.MAPPER.createObjectNode().put("question", item.question());
        item.letters().forEach(l -> doc.put(l, item.options().get(l)));
        return doc.put("answer", item.answer().substring(0, 1));
    }

    /** An lm-eval multiple-choice task over the exported files, with proda's own prompt. */
    static String lmEvalTask(Path dir) {
        String prompt = PromptFormat.prompt("{{question}}").replace("\n", "\\n");
        return String.format(Locale.ROOT, """
                # lm-evaluation-harness task for proda's benchmark: lm_eval --include_path %s --tasks %s ...
                task: %s
                dataset_path: json
                dataset_kwargs:
                  data_files:
                    validation: %s
                    test: %s
                validation_split: validation
                test_split: test
                output_type: multiple_choice
                doc_to_text: "%s"
                doc_to_choice: choices
                doc_to_target: answer
                target_delimiter: " "
                metric_list:
                  - metric: acc
                    aggregation: mean
                    higher_is_better: true
                  - metric: acc_norm
                    aggregation: mean
                    higher_is_better: true
                metadata:
                  version: 1.0
                """, dir.toAbsolutePath(), TASK, TASK, dir.toAbsolutePath().resolve("dev.jsonl"),
                dir.toAbsolutePath().resolve("test.jsonl"), prompt);
    }
}
