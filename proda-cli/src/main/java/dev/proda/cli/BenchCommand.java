package dev.proda.cli;

import dev.proda.bench.ExtractionBench;
import dev.proda.bench.LemmaBench;
import dev.proda.bench.ProseBench;
import dev.proda.bench.WordNetGold;
import dev.proda.cycle.SeedSweep;
import dev.proda.project.Corpus;
import dev.proda.project.ProdaConfig;
import dev.proda.student.djl.TrainBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the stages against gold resources.",
        subcommands = {BenchCommand.Extraction.class, BenchCommand.Lemmas.class, BenchCommand.Cycles.class,
                BenchCommand.Train.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Score the embedded extractor against WordNet 3.0 nouns and time it, then against the "
                    + "prose gold (statements, chains, concepts) and the glossaries; prints a summary, then one JSON "
                    + "line (WordNet's keys first: concept_precision, concept_recall, isa_precision, isa_recall, "
                    + "tokens_per_s; then statement_precision, statement_recall, chain_precision, …).")
    static final class Extraction implements Callable<Integer> {
        @Option(names = "--synsets", paramLabel = "N", defaultValue = "4000",
                description = "Gold synsets to render (the first N of the fixed sample; default: ${DEFAULT-VALUE}).")
        int synsets;

        @Option(names = "--corpus", paramLabel = "DIR",
                description = "Corpus to time the extraction on (default: the bundled example corpus, which is also "
                        + "the one the prose gold's bundled set is scored on).")
        Path corpus;

        @Option(names = "--gold", paramLabel = "FILE",
                description = "Another sample of synsets in the format of bench/data/wordnet-noun-gold.tsv, e.g. the "
                        + "held-out one written by scripts/fetch-bench-data.sh --held-out (default: the bundled sample).")
        Path gold;

        @Option(names = "--prose-gold", paramLabel = "DIR",
                description = "Prose gold (sentences.jsonl, procedures.jsonl; default: bench/data/prose-gold). Its "
                        + "held-out set is scored on DIR/../heldout/corpus when that folder exists.")
        Path proseGold;

        @Option(names = "--glossaries", paramLabel = "DIR",
                description = "Glossaries used as concept gold (default: bench/data/glossaries).")
        Path glossaries;

        @Option(names = "--details", paramLabel = "FILE",
                description = "Also write every scored prose item with its verdict (TSV: statements right or wrong, "
                        + "gold statements missed, glossary terms found or missed, checkable chains), to read the "
                        + "extractor's errors.")
        Path details;

        @Option(names = "--no-wordnet", description = "Skip the WordNet figures and the timing.")
        boolean noWordNet;

        @Option(names = "--no-prose", description = "Skip the prose gold and glossary figures.")
        boolean noProse;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (noWordNet && noProse) {
                throw new CommandLine.ParameterException(spec.commandLine(), "nothing to do: --no-wordnet and --no-prose");
            }
            Path root = corpus != null ? corpus : BundledExample.corpus();
            WordNetGold sample = null;
            if (!noWordNet) {
                sample = WordNetGold.bundled();
                if (gold != null) {
                    if (!Files.isRegularFile(gold)) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "--gold: no such file: " + gold);
                    }
                    sample = sample.withSynsets(gold);
                }
                sample = sample.first(synsets);
            }
            var log = WriterOutputStream.log(spec);
            ProseBench.Inputs prose = null;
            if (!noProse) {
                Path bench = BundledExample.root().resolve("../../bench/data").normalize();
                Path goldDir = proseGold != null ? proseGold : bench.resolve("prose-gold");
                if (!Files.isRegularFile(goldDir.resolve("sentences.jsonl"))) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--prose-gold: no sentences.jsonl in "
                            + goldDir + " (use --no-prose to skip the prose gold)");
                }
                prose = ProseBench.Inputs.load(goldDir, BundledExample.corpus(),
                        goldDir.toAbsolutePath().getParent().resolve("heldout/corpus"),
                        glossaries != null ? glossaries : bench.resolve("glossaries"), log);
                if (details != null) {
                    prose = prose.withDetails(details);
                }
            }
            var documents = noWordNet ? null : corpus == null && prose != null ? prose.bundled()
                    : Corpus.read(root, "general", log);
            ExtractionBench.run(sample, documents, prose, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "lemmas", mixinStandardHelpOptions = true,
            description = "Score the extractor's singular rule and OpenNLP's English lemmatizer against WordNet's "
                    + "morphy on the nouns of the gold definitions; prints a summary, then one JSON line.")
    static final class Lemmas implements Callable<Integer> {
        @Option(names = "--synsets", paramLabel = "N", defaultValue = "4000",
                description = "Gold synsets whose definitions are read (default: ${DEFAULT-VALUE}).")
        int synsets;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LemmaBench.run(WordNetGold.bundled().first(synsets), spec.commandLine().getOut());
            return 0;
        }
    }

    /** The layers, width and heads of a documented student size, or a usage error naming the sizes. */
    static List<Integer> sizePreset(String size, CommandSpec spec) {
        List<Integer> preset = ProdaConfig.Student.SIZES.get(size);
        if (preset == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size must be one of "
                    + new java.util.TreeSet<>(ProdaConfig.Student.SIZES.keySet()) + ", not '" + size + "'");
        }
        return preset;
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Speed of the embedded student on this machine: sgemm peak through the same engine, "
                    + "training tokens/s and model FLOPs utilisation (MFU), scoring tokens/s on four-option items; "
                    + "prints one JSON line last. Random tokens: speed does not depend on the text.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--size", paramLabel = "S", defaultValue = "base",
                description = "Student size preset, small or base (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Windows per step "
                + "(default: ${DEFAULT-VALUE}, the student's).")
        int batch;

        @Option(names = "--context", paramLabel = "N", defaultValue = "128",
                description = "Context in tokens (default: ${DEFAULT-VALUE}).")
        int context;

        @Option(names = "--vocabulary", paramLabel = "N", defaultValue = "6000",
                description = "Vocabulary size (default: ${DEFAULT-VALUE}, the student's maximum).")
        int vocabulary;

        @Option(names = "--steps", paramLabel = "N", defaultValue = "20",
                description = "Timed training steps, after 3 untimed ones (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--threads", paramLabel = "N",
                description = "Intra-op threads (default: the processors available).")
        Integer threads;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<Integer> preset = sizePreset(size, spec);
            if (batch < 1 || steps < 1 || context < 2 || vocabulary < 16) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--batch and --steps must be ≥ 1, --context ≥ 2, --vocabulary ≥ 16");
            }
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            var out = spec.commandLine().getOut();
            TrainBench.Result r = TrainBench.run(preset.get(0), preset.get(1), preset.get(2), context, vocabulary,
                    batch, n, 3, steps, 42, out);
            java.util.Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("params", r.params());
            line.put("mfu", Math.round(r.mfu() * 10000) / 10000.0);
            line.put("train_tokens_per_s", Math.round(r.trainTokensPerS()));
            line.put("eval_tokens_per_s", Math.round(r.evalTokensPerS()));
            line.put("sgemm_gflops", Math.round(r.sgemmGflops() * 10) / 10.0);
            line.put("size", size);
            line.put("layers", r.layers());
            line.put("width", r.width());
            line.put("context", r.context());
            line.put("batch", r.batch());
            line.put("threads", r.threads());
            line.put("train_flops_per_token", r.trainFlopsPerToken());
            try {
                out.println(dev.proda.io.Json.MAPPER.writeValueAsString(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "cycle", mixinStandardHelpOptions = true,
            description = "Run the whole cycle once per seed (each its own project under DIR: split, samples, "
                    + "patches, training) and report test accuracy, repair rate, held-out chains and general bits "
                    + "per token per version as mean ± sd, with the paired differences V2-V1, V2-controls and "
                    + "V3-V2; writes DIR/sweep.json and sweep.md, prints one JSON line last. Long: about 15 minutes "
                    + "per seed on 2 cores at the small size. Rerunning resumes.")
    static final class Cycles implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Folder for the per-seed projects.")
        Path dir;

        @Option(names = "--seeds", paramLabel = "S,S,…", split = ",", defaultValue = "42,43,44",
                description = "Seeds (default: ${DEFAULT-VALUE}).")
        List<Long> seeds;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
                description = "Repair rounds per cycle (default: ${DEFAULT-VALUE}: V2 and V3).")
        int rounds;

        @Option(names = "--size", paramLabel = "S",
                description = "Student size preset, small or base (default: the config's, else small).")
        String size;

        @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus (default: the bundled example).")
        Path corpus;

        @Option(names = "--general", paramLabel = "DIR",
                description = "General text (default: the bundled example's).")
        Path general;

        @Option(names = "--config", paramLabel = "FILE",
                description = "proda.yaml whose settings every seed's project gets, with its own seed "
                        + "(default: the defaults).")
        Path config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (rounds < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1");
            }
            ProdaConfig template = config != null ? ProdaConfig.read(config) : null;
            if (size != null) {
                sizePreset(size, spec);
                ProdaConfig base = template != null ? template : ProdaConfig.defaults("sweep");
                template = base.withStudent(base.student().withSize(size));
            }
            SeedSweep.Result result = SeedSweep.run(dir, corpus != null ? corpus : BundledExample.corpus(),
                    general != null ? general : BundledExample.general(), template, seeds, rounds, Engines::student,
                    Engines.embedder(), WriterOutputStream.log(spec));
            var out = spec.commandLine().getOut();
            out.println();
            out.print(result.markdown());
            out.println(result.jsonLine());
            out.flush();
            return 0;
        }
    }
}
