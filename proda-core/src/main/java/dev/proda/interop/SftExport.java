package dev.proda.interop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Message;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The training set in the formats external trainers read, so a GPU trainer (LLaMA-Factory, TRL, Axolotl, OpenAI
 * fine-tuning) trains on exactly what the embedded student would: the Builder's samples and the patches of every
 * repair round (or of one round).
 *
 * <ul>
 *   <li>{@code openai}: JSONL, one {@code {"messages": [...]}} per sample (OpenAI chat fine-tuning, TRL's
 *       conversational format);</li>
 *   <li>{@code sharegpt}: a JSON list of {@code {"conversations": [{"from": "human"|"gpt", "value"}], "system"}};</li>
 *   <li>{@code alpaca}: a JSON list of {@code {"instruction", "input", "output", "system", "history"}};</li>
 *   <li>{@code llamafactory}: a folder LLaMA-Factory reads as {@code dataset_dir}: the samples in sharegpt form,
 *       {@code dataset_info.json} describing them, and a LoRA SFT training YAML with the paper's settings (LoRA,
 *       bf16, cutoff 2048, one epoch).</li>
 * </ul>
 */
public final class SftExport {
    public static final List<String> FORMATS = List.of("llamafactory", "sharegpt", "alpaca", "openai");
    /** The dataset's name in {@code dataset_info.json} and the training YAML. */
    public static final String DATASET = "proda_sft";

    private SftExport() {
    }

    /** What was written. */
    public record Written(Path path, int samples, int buildSamples, int patchSamples) {
    }

    /**
     * The samples to export: the Builder's, then each repair round's patches in round order.
     *
     * @param round only this round's patches (and no Builder samples); null for everything
     */
    public static List<Sample> samples(ProjectLayout layout, Integer round) {
        List<Sample> samples = new ArrayList<>();
        if (round == null) {
            if (!Files.isRegularFile(layout.buildSamples())) {
                throw new ProdaFileException("no Builder samples at " + layout.buildSamples() + " (run 'proda build')");
            }
            samples.addAll(dev.proda.build.Build.readSamples(layout));
        }
        for (int r : rounds(layout)) {
            if (round == null || round == r) {
                Jsonl.read(layout.patchRound(r).resolve("patches.jsonl"), Patch.class)
                        .forEach(p -> samples.addAll(p.samples()));
            }
        }
        if (round != null && samples.isEmpty()) {
            throw new ProdaFileException("no patches for round " + round + " at " + layout.patchRound(round)
                    + " (run 'proda repair --round " + round + "')");
        }
        return samples;
    }

    private static List<Integer> rounds(ProjectLayout layout) {
        if (!Files.isDirectory(layout.patchesDir())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(layout.patchesDir())) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> n.matches("round-\\d+"))
                    .map(n -> Integer.parseInt(n.substring("round-".length())))
                    .filter(r -> Files.isRegularFile(layout.patchRound(r).resolve("patches.jsonl"))).sorted().toList();
        } catch (IOException e) {
            throw new ProdaFileException("cannot list " + layout.patchesDir() + ": " + e.getMessage());
        }
    }

    /** Writes {@code samples} in {@code format} to {@code out} (a folder for llamafactory, else a file). */
    public static Written write(List<Sample> samples, String format, Path out) {
        int build = (int) samples.stream().filter(s -> s.origin().equals("build")).count();
        switch (format) {
            case "openai" -> Jsonl.write(out, samples.stream().map(SftExport::openai).toList());
            case "sharegpt" -> AtomicFiles.writeJson(out, list(samples.stream().map(SftExport::sharegpt).toList()));
            case "alpaca" -> AtomicFiles.writeJson(out, list(samples.stream().map(SftExport::alpaca).toList()));
            case "llamafactory" -> {
                AtomicFiles.writeJson(out.resolve(DATASET + ".json"), list(samples.stream().map(SftExport::sharegpt)
                        .toList()));
                ObjectNode info = Json.MAPPER.createObjectNode();
                ObjectNode entry = info.putObject(DATASET).put("file_name", DATASET + ".json")
                        .put("formatting", "sharegpt");
                entry.putObject("columns").put("messages", "conversations").put("system", "system");
                entry.putObject("tags").put("role_tag", "from").put("content_tag", "value").put("user_tag", "human")
                        .put("assistant_tag", "gpt").put("system_tag", "system");
                AtomicFiles.writeJson(out.resolve("dataset_info.json"), info);
                AtomicFiles.writeString(out.resolve("train_lora_sft.yaml"), trainingYaml(out));
            }
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (" + String.join(", ", FORMATS)
                    + ")");
        }
        return new Written(out, samples.size(), build, samples.size() - build);
    }

    private static ObjectNode openai(Sample sample) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        ArrayNode messages = line.putArray("messages");
        sample.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        return line;
    }

    private static ObjectNode sharegpt(Sample sample) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        ArrayNode turns = record.putArray("conversations");
        String system = null;
        for (Message m : sample.messages()) {
            switch (m.role()) {
                case "system" -> system = m.content();
                case "user" -> turns.addObject().put("from", "human").put("value", m.content());
                case "assistant" -> turns.addObject().put("from", "gpt").put("value", m.content());
                default -> throw new IllegalArgumentException("sample " + sample.id() + " has a " + m.role() + " turn");
            }
        }
        if (system != null) {
            record.put("system", system);
        }
        return record;
    }

    /** The last user/assistant pair is the instruction and output; earlier pairs are its history. */
    private static ObjectNode alpaca(Sample sample) {
        List<String[]> pairs = new ArrayList<>();
        String system = null;
        String user = null;
        for (Message m : sample.messages()) {
            switch (m.role()) {
                case "system" -> system = m.content();
                case "user" -> user = m.content();
                case "assistant" -> {
                    pairs.add(new String[] {user == null ? "" : user, m.content()});
                    user = null;
                }
                default -> throw new IllegalArgumentException("sample " + sample.id() + " has a " + m.role() + " turn");
            }
        }
        String[] last = pairs.get(pairs.size() - 1);
        ObjectNode record = Json.MAPPER.createObjectNode().put("instruction", last[0]).put("input", "")
                .put("output", last[1]);
        if (system != null) {
            record.put("system", system);
        }
        ArrayNode history = record.putArray("history");
        pairs.subList(0, pairs.size() - 1).forEach(p -> history.addArray().add(p[0]).add(p[1]));
        return record;
    }

    /** LLaMA-Factory's LoRA SFT recipe with the paper's settings; the model and template are the user's to set. */
    static String trainingYaml(Path datasetDir) {
        return String.format(Locale.ROOT, """
                # LLaMA-Factory LoRA SFT on proda's training set (the paper's settings: LoRA, bf16, cutoff 2048, 1 epoch).
                # Set model_name_or_path and template for your base model, then: llamafactory-cli train %s
                ### model
                model_name_or_path: Qwen/Qwen2.5-7B-Instruct
                trust_remote_code: true

                ### method
                stage: sft
                do_train: true
                finetuning_type: lora
                lora_rank: 8
                lora_target: all

                ### dataset
                dataset_dir: %s
                dataset: %s
                template: qwen
                cutoff_len: 2048
                overwrite_cache: true
                preprocessing_num_workers: 8

                ### output
                output_dir: saves/proda/lora/sft
                logging_steps: 10
                save_steps: 500
                plot_loss: true
                overwrite_output_dir: true
                report_to: none

                ### train
                per_device_train_batch_size: 1
                gradient_accumulation_steps: 8
                learning_rate: 1.0e-4
                num_train_epochs: 1.0
                lr_scheduler_type: cosine
                warmup_ratio: 0.1
                bf16: true
                """, datasetDir.resolve("train_lora_sft.yaml"), datasetDir.toAbsolutePath(), DATASET);
    }

    private static ArrayNode list(List<ObjectNode> records) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        records.forEach(array::add);
        return array;
    }
}
