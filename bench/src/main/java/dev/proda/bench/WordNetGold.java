package dev.proda.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The extraction gold derived from WordNet 3.0 nouns ({@code bench/data}): a fixed sample of noun synsets
 * with their lemmas, definition and hypernyms (depth 1, 2 and all ancestors), every noun lemma of WordNet, and WordNet's
 * noun exception list for lemmatising (its "morphy" rules).
 */
public record WordNetGold(List<Synset> synsets, Set<String> nounLemmas, Map<String, String> exceptions) {

    /**
     * One gold noun synset.
     *
     * @param lemmas its lemmas, case kept; the first is the headword that is rendered
     * @param hypernyms lemmas of its direct hypernyms (hypernym and instance-hypernym pointers)
     * @param hypernyms2 lemmas of its hypernyms' hypernyms
     * @param ancestors lemmas of every synset above it along hypernym links (any depth, direct ones included):
     *     what WordNet entails it is
     */
    public record Synset(String offset, List<String> lemmas, String definition, Set<String> hypernyms,
            Set<String> hypernyms2, Set<String> ancestors) {
        public String headword() {
            return lemmas.get(0);
        }
    }

    private static final String DATA = "/dev/proda/bench/data/";
    private static final String[][] SUFFIXES = {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
        {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}};

    public WordNetGold {
        synsets = List.copyOf(synsets);
        nounLemmas = Set.copyOf(nounLemmas);
        exceptions = Map.copyOf(exceptions);
    }

    /** The gold bundled with this module. */
    public static WordNetGold bundled() {
        List<Synset> synsets = parse(lines("wordnet-noun-gold.tsv"), "wordnet-noun-gold.tsv");
        Set<String> lemmas = new HashSet<>(lines("wordnet-noun-lemmas.txt"));
        Map<String, String> exceptions = new HashMap<>();
        for (String line : lines("wordnet-noun-exceptions.tsv")) {
            String[] f = line.split("\t");
            exceptions.putIfAbsent(f[0], f[1]);
        }
        return new WordNetGold(synsets, lemmas, exceptions);
    }

    /**
     * The bundled lemmas and exceptions with another sample of synsets, read from a file in the format of
     * {@code wordnet-noun-gold.tsv} (e.g. the held-out sample of {@code scripts/fetch-bench-data.sh --held-out}).
     */
    public WordNetGold withSynsets(java.nio.file.Path tsv) throws IOException {
        return new WordNetGold(parse(java.nio.file.Files.readAllLines(tsv, StandardCharsets.UTF_8), tsv.toString()),
                nounLemmas, exceptions);
    }

    private static List<Synset> parse(List<String> lines, String source) {
        List<Synset> synsets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6 || f[1].isEmpty() || f[2].isEmpty()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 6 tab-separated fields "
                        + "(offset, lemmas, definition, hypernyms, hypernyms2, ancestors), found " + f.length);
            }
            synsets.add(new Synset(f[0], List.of(f[1].split("\\|")), f[2], lemmaSet(f[3]), lemmaSet(f[4]),
                    lemmaSet(f[5])));
        }
        return synsets;
    }

    /** The first {@code n} synsets of the (already randomly ordered) sample. */
    public WordNetGold first(int n) {
        return new WordNetGold(synsets.subList(0, Math.min(n, synsets.size())), nounLemmas, exceptions);
    }

    /**
     * The WordNet noun lemma of a phrase (lower case, single spaces), or null if it is none: the phrase
     * itself, or with its last word reduced by WordNet's exception list or its noun suffix rules (morphy),
     * or with hyphens read as spaces or removed. A leading article is dropped first.
     */
    public String nounLemma(String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        p = p.replaceFirst("^(?:a|an|the) ", "");
        for (String variant : new String[] {p, p.replace('-', ' '), p.replace("-", "")}) {
            String lemma = morphy(variant);
            if (lemma != null) {
                return lemma;
            }
        }
        return null;
    }

    /**
     * Every base form WordNet's morphy finds for a lower-case phrase, in its order: the phrase itself if it is
     * a noun lemma, then its last word replaced by the exception list's entry, then by each suffix rule's
     * result, each kept when the whole is a noun lemma ("axes" → ax, axe).
     */
    public Set<String> baseForms(String phrase) {
        Set<String> forms = new LinkedHashSet<>();
        if (nounLemmas.contains(phrase)) {
            forms.add(phrase);
        }
        int space = phrase.lastIndexOf(' ');
        String prefix = phrase.substring(0, space + 1);
        String last = phrase.substring(space + 1);
        String exception = exceptions.get(last);
        if (exception != null && nounLemmas.contains(prefix + exception)) {
            forms.add(prefix + exception);
        }
        for (String[] rule : SUFFIXES) {
            if (last.length() > rule[0].length() + 1 && last.endsWith(rule[0])) {
                String base = prefix + last.substring(0, last.length() - rule[0].length()) + rule[1];
                if (nounLemmas.contains(base)) {
                    forms.add(base);
                }
            }
        }
        return forms;
    }

    /** Morphy's first base form of a phrase, or null. */
    private String morphy(String phrase) {
        Set<String> forms = baseForms(phrase);
        return forms.isEmpty() ? null : forms.iterator().next();
    }

    private static Set<String> lemmaSet(String field) {
        Set<String> lemmas = new HashSet<>();
        if (!field.isEmpty()) {
            Arrays.stream(field.split("[;|]")).map(s -> s.toLowerCase(Locale.ROOT)).forEach(lemmas::add);
        }
        return lemmas;
    }

    private static List<String> lines(String name) {
        try (InputStream in = WordNetGold.class.getResourceAsStream(DATA + name)) {
            if (in == null) {
                throw new IllegalStateException("bench data " + name + " missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
