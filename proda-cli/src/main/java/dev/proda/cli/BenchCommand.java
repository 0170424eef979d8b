package dev.proda.cli;

import dev.proda.bench.ExtractionBench;
import dev.proda.bench.LemmaBench;
import dev.proda.bench.WordNetGold;
import dev.proda.project.Corpus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the stages against gold resources.",
        subcommands = {BenchCommand.Extraction.class, BenchCommand.Lemmas.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Score the embedded extractor against WordNet 3.0 nouns and time it; prints a summary, "
                    + "then one JSON line (concept_precision, concept_recall, isa_precision, isa_recall, tokens_per_s).")
    static final class Extraction implements Callable<Integer> {
        @Option(names = "--synsets", paramLabel = "N", defaultValue = "4000",
                description = "Gold synsets to render (the first N of the fixed sample; default: ${DEFAULT-VALUE}).")
        int synsets;

        @Option(names = "--corpus", paramLabel = "DIR",
                description = "Corpus to time the extraction on (default: the bundled example corpus).")
        Path corpus;

        @Option(names = "--gold", paramLabel = "FILE",
                description = "Another sample of synsets in the format of bench/data/wordnet-noun-gold.tsv, e.g. the "
                        + "held-out one written by scripts/fetch-bench-data.sh --held-out (default: the bundled sample).")
        Path gold;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            Path root = corpus != null ? corpus : BundledExample.corpus();
            WordNetGold sample = WordNetGold.bundled();
            if (gold != null) {
                if (!java.nio.file.Files.isRegularFile(gold)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--gold: no such file: " + gold);
                }
                sample = sample.withSynsets(gold);
            }
            var documents = Corpus.read(root, "general", WriterOutputStream.log(spec));
            ExtractionBench.run(sample.first(synsets), documents, spec.commandLine().getOut());
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
}
