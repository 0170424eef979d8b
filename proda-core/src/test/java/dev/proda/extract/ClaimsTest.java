package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sentences written for these tests (technical prose, none taken from the bundled corpus). */
class ClaimsTest {
    private static Optional<Claims.Claim> claim(String sentence) {
        Tagger.Tagged t = Tagger.tag(sentence);
        return RelationPatterns.match(t).flatMap(r -> Claims.of(r, t));
    }

    @Test
    void theObjectIsTheGenusTermNotThePhrase() {
        Claims.Claim c = claim("A hash table is a data structure that maps keys to values.").orElseThrow();
        assertEquals("hash table", c.subject());
        assertEquals("is-a", c.predicate());
        assertEquals("data structure", c.object());
        assertEquals("a data structure that maps keys to values", c.definition());
    }

    @Test
    void aKindOfStandsForItsComplement() {
        assertEquals("sorting algorithm", claim("Quicksort is a kind of sorting algorithm.").orElseThrow().object());
    }

    @Test
    void definiteDescriptionsOfCommonNounsPointBackIntoTheText() {
        assertTrue(claim("The algorithm is a greedy heuristic with two phases.").isEmpty());
        assertTrue(claim("The manufacturing sector consists of textile mills.").isEmpty());
        assertTrue(claim("The Raft protocol is a consensus algorithm for replicated logs.").isPresent(),
                "a named subject reads alone");
    }

    @Test
    void possibilitiesAdjectivesAndVerbPhrasesGiveNoStatement() {
        assertTrue(claim("A token can be a keyword in some grammars.").isEmpty(), "modal is-a");
        assertTrue(claim("Garbage collection is very fast on small heaps.").isEmpty(), "has-property");
        assertTrue(claim("Profilers are used to find slow functions.").isEmpty(), "verb-phrase purpose");
        assertEquals("performance analysis",
                claim("Profilers are used for performance analysis.").orElseThrow().object());
    }

    @Test
    void relationalAndGenericObjectsNameNoClass() {
        assertTrue(claim("Fortran is the origin of many numerical libraries.").isEmpty());
        assertTrue(claim("Memoization is a simple way to speed up recursion.").isEmpty());
        assertTrue(claim("Larger buffers lead to fewer system calls.").isEmpty(), "comparative subject");
    }

    @Test
    void objectsThatAreStatesRolesOrVariantsNameNoClass() {
        assertTrue(claim("The btree module is heavily used when indexing large tables.").isEmpty(), "participle");
        assertTrue(claim("Compressed data is read and written as byte arrays.").isEmpty(), "no article: a state");
        assertTrue(claim("Caching is an essential ingredient of fast web servers.").isEmpty(), "role in a whole");
        assertTrue(claim("Profiling is a useful complement to code review.").isEmpty(), "relational 'to'");
        assertTrue(claim("A trie is a hybrid between a tree and a hash table.").isEmpty(), "relational 'between'");
        assertTrue(claim("Pypy is a faster version of CPython.").isEmpty(), "a variant of Y is no kind of Y");
        assertTrue(claim("Iterators are already first class objects in Python.").isEmpty(),
                "a plural subject with a singular class and no article: the class was cut");
        assertTrue(claim("Stack machines are generally more compact when code size matters.").isEmpty(),
                "a clause word before the class");
        assertTrue(claim("The heap is nearly beyond repair after a double free.").isEmpty(), "adverbial");
        assertTrue(claim("A field is a vector or scalar quantity defined in space.").isEmpty(),
                "coordinated modifiers: 'vector' alone is cut");
        assertTrue(claim("The resize buffer must be a power of two.").isEmpty(), "requirement, not class");
    }

    @Test
    void meansWithPurposesAndResolvedOnesGiveStatements() {
        Claims.Claim purpose = claim("Clustering is an approach to data visualization.").orElseThrow();
        assertEquals("used-for", purpose.predicate());
        assertEquals("data visualization", purpose.object());
        assertEquals("is-a", claim("Bubble sort is a sorting algorithm for small arrays.").orElseThrow().predicate(),
                "a means that names a class stays a class");
        assertTrue(claim("The ARMA model is an empirical one that mixes two processes.").isEmpty(),
                "'one' stands for the subject's noun, but 'empirical model' is not in the text");
        assertEquals("sequence", claim("A token is defined as a sequence of characters.").orElseThrow().object());
        assertEquals("Feature scaling", claim("Feature scaling is a preprocessing step for gradient methods.")
                .orElseThrow().subject(), "a gerund heads a compound subject");
    }

    private static List<String> hearst(String sentence) {
        return Hearst.match(Tagger.tag(sentence)).stream().map(c -> c.subject() + " | " + c.object()).toList();
    }

    @Test
    void hyponymListsReadPastArticlesQuotesAndAliasesButNotCutNames() {
        assertEquals(List.of("regularization parameter | hyperparameters", "learning rate | hyperparameters"),
                hearst("Solvers need hyperparameters such as the regularization parameter and the learning rate."));
        assertEquals(List.of("bfgs | quasi-Newton methods", "lbfgs | quasi-Newton methods"),
                hearst("It supports quasi-Newton methods such as 'bfgs' and 'lbfgs' for smooth problems."));
        assertEquals(List.of("Gaussian mixtures | density models", "kernel estimates | density models"),
                hearst("We fit density models such as Gaussian mixtures (GMM), and kernel estimates."));
        assertTrue(hearst("Some names, such as the Spectral Co-Clustering algorithm, reflect this.").isEmpty(),
                "a member cut inside a longer name");
        assertTrue(hearst("Read the Tables for Sequence and other Molecular Biology Databases.").isEmpty(),
                "a title-case class is a title");
        assertTrue(hearst("If you import a module named spam, the interpreter searches the path.").isEmpty(),
                "a placeholder in an example");
    }

    @Test
    void termsDropJudgementsAndRefuseFragments() {
        assertEquals("parsing technique", Claims.term("popular parsing technique"));
        assertNull(Claims.term("useful way"));
        assertNull(Claims.term("in.bat or.cmd"));
        assertNull(Claims.term("alpha beta gamma delta epsilon zeta"));
        assertEquals("Principal component analysis", Claims.term("Principal component analysis"));
    }

    @Test
    void hearstListsNameKindsOfTheirClass() {
        Tagger.Tagged t = Tagger.tag("Compiled languages such as Rust, Zig and Haskell produce native binaries.");
        List<String> members = Hearst.match(t).stream().map(Claims.Claim::subject).toList();
        assertEquals(List.of("Rust", "Zig", "Haskell"), members);
        assertEquals("Compiled languages", Hearst.match(t).get(0).object());
        assertTrue(Hearst.match(Tagger.tag("Caches help with slow queries such as joins over large tables, "
                + "indexes or scans.")).isEmpty(), "a class inside a phrase may not own the list");
        assertEquals(List.of("B-trees"), Hearst.match(Tagger.tag("Some indexes, such as B-trees, keep "
                + "keys sorted.")).stream().map(Claims.Claim::subject).toList(), "no closing 'and': first member only");
    }

    @Test
    void aGlossaryEntryIsANounPhraseDefinition() {
        Claims.Claim c = Glossary.definition("mutex", Tagger.tag("A lock that lets only one thread enter a "
                + "critical section at a time.")).orElseThrow();
        assertEquals("mutex", c.subject());
        assertEquals("lock", c.object());
        assertTrue(Glossary.definition("Scheduling", Tagger.tag("The scheduler picks the next thread to run.")).isEmpty(),
                "a sentence under a heading is no entry");
        assertTrue(Glossary.termLine("write-ahead log") && !Glossary.termLine("This is a sentence."));
    }

    @Test
    void aDictionaryWithOneEntryPerPageIsReadAsAGlossary() {
        // the page's title line is its term, numbered as a section, with translations before the definition
        String page = "1.4 mordent\n\nES: mordente, I: mordente, F: mordant, D: Mordent.\n\nUS: mordent,\n\n"
                + "An ornament made of a quick alternation of a note with the note below it.\n\nSee also\n\ntrill.\n";
        var kb = Extract.extract(List.of(new dev.proda.project.Corpus.Document("music/mordent.html", "music", page)));
        assertEquals(List.of("mordent | is-a | ornament"), kb.statements().stream()
                .map(st -> st.subject() + " | " + st.predicate() + " | " + st.object()).toList());
        var other = Extract.extract(List.of(new dev.proda.project.Corpus.Document("music/ornaments.html", "music", page)));
        assertTrue(other.statements().isEmpty(), "a one-entry page whose title is not its name is no dictionary page");
        assertTrue(Glossary.definition("triad", Tagger.tag("Three notes played together as one sound.")).orElseThrow()
                .object() == null, "a count of things defines, it names no class");
        assertTrue(Glossary.definition("Tuplets", Tagger.tag("Music Glossary: note value, triplet.")).isEmpty(),
                "a capitalised label before a colon introduces references");
    }

    @Test
    void aSectionTitleIsNoGlossaryEntry() {
        assertFalse(Glossary.termLine("Custom Header Rows"), "title case titles a section");
        assertTrue(Glossary.termLine("Monte Carlo") && Glossary.termLine("abstract base class"));
        assertNull(Glossary.definition("Survival", Tagger.tag("Statistical functions for survival data."))
                .orElseThrow().object(), "a singular title over many things holds them, it is none of them");
        assertEquals("default finders", Glossary.definition("path finder", Tagger.tag("One of the default finders "
                + "which searches a path.")).orElseThrow().object(), "one of many is one of them");
        assertEquals("Iterables", Glossary.definition("containers", Tagger.tag("Iterables that hold other objects."))
                .orElseThrow().object(), "plural term, plural genus");
    }

    @Test
    void aDurationIsNoPurposeAndAGenusThatRelatesOrNamesAnIdeaIsNoClass() {
        assertTrue(claim("Warehouses are often used for decades.").isEmpty(), "how long, not what for");
        assertEquals("graphics application", claim("Krita is a favorite graphics application of illustrators.")
                .orElseThrow().object());
        assertNull(Glossary.definition("net income", Tagger.tag("The difference between revenues and expenses."))
                .orElseThrow().object(), "a difference relates two things, it classes neither");
        assertNull(Glossary.definition("compounding", Tagger.tag("The concept that interest earns interest."))
                .map(Claims.Claim::object).orElse(null), "an idea is the genus of every idea");
    }

    @Test
    void aListAfterASingularTopicOrAColonNamesNoKindsOfIt() {
        assertTrue(hearst("Enter general information about the supplier, such as Company Name and Phone.").isEmpty());
        assertTrue(hearst("It covers these types: land, buildings, vehicles and other equipment.").isEmpty(),
                "the colon's list enumerates the types; 'other equipment' widens its last item only");
        assertEquals(List.of("forklifts | equipment"), hearst("It covers forklifts and other equipment."));
    }

    @Test
    void namesGivenThingsAndTextPointersAreNoClassesAndCodeKeywordsStay() {
        assertTrue(claim("Frame is a graphic term for border.").isEmpty(), "a word for Y names Y");
        assertTrue(claim("Log files are given increasing numbers as names.").isEmpty(), "a passive of giving");
        assertEquals("HAVING clause", claim("An aggregate query contains a HAVING clause directly following the name.")
                .orElseThrow().object(), "a keyword of code is no stopword");
        assertTrue(hearst("It uses the options described in following sections, such as VERBOSE.").isEmpty());
        assertTrue(hearst("It may consult other rows or other tables to decide.").isEmpty());
        assertTrue(hearst("A client could be a console tool, a graphical application, a web server that serves "
                + "pages, or a script.").isEmpty(), "an item of a list is no apposition");
    }

    @Test
    void aGerundWithItsObjectIsNoMemberOfAClass() {
        assertTrue(hearst("It matters for understanding GnuCash and other accounting systems.").isEmpty());
        assertEquals(List.of("Ledger CLI | accounting systems"),
                hearst("It matters for Ledger CLI and other accounting systems."));
    }

    @Test
    void aCoordinatedSubjectInAConcessionIsAssertedButNotInACondition() {
        String concession = "While LVM and RAID are two distinct kernel subsystems, btrfs is a filesystem.";
        List<Claims.Claim> conceded = Extract.coordinated(new dev.proda.text.TextUnit(concession, 0,
                concession.length()));
        assertEquals(List.of("LVM", "RAID"), conceded.stream().map(Claims.Claim::subject).toList());
        assertEquals("kernel subsystems", conceded.get(0).object());
        String condition = "If LVM and RAID are kernel subsystems, btrfs is a filesystem.";
        assertTrue(Extract.coordinated(new dev.proda.text.TextUnit(condition, 0, condition.length())).isEmpty());
    }

    @Test
    void aGlossaryGenusMayBeACommonNounButNotAnAlternativeARelationOrASynonym() {
        assertEquals("value", Glossary.definition("argument", Tagger.tag("A value passed to a function when "
                + "calling it.")).orElseThrow().object(), "a bare genus names the class in an entry");
        assertEquals("deque", Glossary.definition("deque", Tagger.tag("A queue with two open ends.")).orElseThrow()
                .subject(), "an entry's own term is a term however common");
        // alternatives, a genus that needs its "of", a collective: no class, but still the entry's definition
        for (String[] entry : new String[][] {{"callable", "A function, class or an object which can be called."},
                {"inverse", "An extension of the matrix inverse to singular matrices."},
                {"batch", "A set of samples processed together."}}) {
            Claims.Claim c = Glossary.definition(entry[0], Tagger.tag(entry[1])).orElseThrow();
            assertNull(c.object(), entry[0]);
            assertEquals(entry[1].substring(0, entry[1].length() - 1), c.definition());
        }
        assertTrue(Glossary.definition("2d array", Tagger.tag("Two-dimensional array.")).isEmpty(), "a synonym");
        assertTrue(Glossary.definition("GIL", Tagger.tag("Global Interpreter Lock.")).isEmpty(), "an expansion");
    }

    @Test
    void theHeadGoesOnPastCommaAdjectivesAndNounsInIng() {
        assertEquals("memory-safe language", claim("Rust is a fast, memory-safe language with ownership types.")
                .orElseThrow().object());
        assertTrue(claim("Haskell is a lazy functional programming language.").orElseThrow().object()
                .endsWith("programming language"));
        assertTrue(claim("Sorter is a general sorting and data set merging tool.").isEmpty(),
                "coordinated modifiers: the head is further on");
    }

    @Test
    void aDefiniteCompoundStillDefinesAKindButASlotOrASituatedThingDoesNot() {
        assertEquals("probabilistic data structure", claim("The bloom filter is a probabilistic data structure "
                + "for membership tests.").orElseThrow().object());
        assertTrue(claim("The size parameter is a tuple of two integers.").isEmpty(), "a slot of some function");
        assertTrue(claim("The actual solver is a Newton method with line search.").isEmpty(), "situated");
        assertTrue(claim("The parameter alpha is a parameter that controls smoothing.").isEmpty(), "tautology");
    }

    @Test
    void appositivesAndSecondNamesBetweenSubjectAndVerbAreSkipped() {
        assertEquals("Rust", claim("Rust, a language started at Mozilla, is a systems programming language.")
                .orElseThrow().subject());
        Claims.Claim map = claim("A hash map (HM), or simply map, is a data structure that stores pairs.").orElseThrow();
        assertEquals("hash map", map.subject());
        assertEquals("data structure", map.object());
        assertEquals("supervised learning problem", claim("A ranking problem is a supervised learning problem "
                + "with ordered outputs to predict, that is when the target is a permutation of the items.")
                .orElseThrow().object(), "the object ends at 'that is'");
    }

    private static dev.proda.text.TextUnit unit(String sentence) {
        return new dev.proda.text.TextUnit(sentence, 0, sentence.length());
    }

    @Test
    void aReasonClauseAssertsButAConditionDoesNot() {
        assertEquals("Brotli is a compression format", Extract.assertedClause(
                unit("Since Brotli is a compression format, browsers accept it.")).orElseThrow().text());
        assertTrue(Extract.assertedClause(unit("If Brotli is a compression format, browsers accept it.")).isEmpty());
        assertEquals("Brotli is a compression format.", Extract.mainClause(unit("“Brotli is a compression format."))
                .text(), "an opening quotation mark is no part of it");
    }

    @Test
    void hearstListsInParenthesesAndListsEndingInATaggerAdjective() {
        assertEquals(List.of("HTTPS | network protocols", "SMTP | network protocols", "IMAP | network protocols"),
                hearst("The standard library covers network protocols (HTTPS, SMTP, IMAP) and more."));
        assertTrue(hearst("We need three parameters (x, y and z) for a point.").isEmpty(), "a count of slots");
        assertEquals(List.of("cobalt | mineral resources", "copper | mineral resources", "gold | mineral resources"),
                hearst("The region has untapped mineral resources such as cobalt, copper, and gold."),
                "'untapped' is a state of the resources, not a kind; 'gold' closes the list whatever its tag");
    }

    @Test
    void aListAfterAPurposePhraseBelongsToThePluralBeforeIt() {
        assertEquals(List.of("zstd | compressors", "brotli | compressors"),
                hearst("The toolkit ships several compressors for archiving logs, such as zstd and brotli."));
        assertEquals(List.of("quad | routines", "dblquad | routines"),
                hearst("The module offers routines for integrating samples, such as quad and dblquad."),
                "'offers' is the verb, not part of the class");
        assertTrue(hearst("It adds support for reading tables, such as CSV and JSON.").isEmpty(),
                "a singular noun before the purpose phrase owns no list");
        assertTrue(hearst("The tool runs with many data sets, such as iris and wine.").isEmpty(),
                "after 'with' the list may belong to anything");
    }

    @Test
    void quotedNamesAndNamedKindsOfTheirClassAreMembers() {
        assertEquals(List.of("gzip | Lossless codecs", "bz2 | Lossless codecs", "lzma-2 | Lossless codecs"),
                hearst("Lossless codecs such as the 'gzip', 'bz2', and 'lzma-2' codecs keep every byte."));
        assertEquals(List.of("Nordic Green Bond | bond fund"),
                hearst("The bank launched the Nordic Green Bond, a $2 billion bond fund that buys utility debt."),
                "an amount sizes the thing, a name that ends in its class still names one of them");
        assertTrue(hearst("Files opened by PyFITS like “readonly” and “update” behave alike.").isEmpty(),
                "a name ending in a capital S is no plural class");
        assertTrue(hearst("Sorting algorithms such as merge algorithms are stable.").isEmpty(),
                "a lower-case kind named by its class says nothing");
    }

    @Test
    void aReasonClauseAfterAnOpenerAsserts() {
        assertEquals("Brotli is a compression format", Extract.assertedClause(Extract.mainClause(
                unit("On the other hand, although Brotli is a compression format, few servers use it."))).orElseThrow()
                .text());
        assertTrue(Extract.assertedClause(Extract.mainClause(
                unit("On the other hand, if Brotli is a compression format, few servers use it."))).isEmpty(),
                "a condition still asserts nothing");
    }

    @Test
    void aNounTheTaggerCalledAnAdjectiveEndsTheClassButAConditionOrAnAdjectiveDoesNot() {
        assertEquals("transformer", claim("Zopfli is a transformer that trades time for size.").orElseThrow().object(),
                "the tagger reads 'transformer' as an adjective");
        assertTrue(claim("A filter is a sink if it is both lossless and idempotent.").isEmpty(),
                "a condition after the class");
        assertTrue(claim("A small step leads to an unsmooth (i.e. noisy) curve.").isEmpty(),
                "an adjective before a parenthesis is no head");
        assertEquals("landlocked country", claim(Extract.mainClause(unit(
                "Among the poorest states of the region, Chad is a landlocked country.")).text()).orElseThrow().object(),
                "a framing 'Among …' opener is no part of the claim");
    }

    @Test
    void aCommaListOfAdjectivesWithAndOrParticiplesGradesTheHead() {
        assertEquals("object-oriented scripting language", claim(
                "Lua is a compiled, embeddable, object-oriented scripting language.").orElseThrow().object());
        assertEquals("market economy", claim("Estonia is a stable, open, and modern market economy with a flat tax.")
                .orElseThrow().object(), "'modern' is a judgement, the list may close with 'and'");
    }

    @Test
    void aCountOpensAPartListButAPartNamedByItsKindSaysNothing() {
        assertEquals("codecs", claim("The archive module contains a number of widely used codecs.").orElseThrow().object());
        assertEquals("sorting networks", claim("Sortlib includes two sorting networks.").orElseThrow().object());
        assertEquals("hyperparameters", claim("Boosting requires a number of hyperparameters such as the depth.")
                .orElseThrow().object(), "a 'such as' list after the object does not cut it");
        assertTrue(claim("The pipeline comprises three stages.").isEmpty(), "parts named by their kind");
        assertTrue(claim("Zstd allows two different formats for its frames:").isEmpty(),
                "a count of everyday things leads in to a list");
        assertTrue(claim("Sortlib will produce a fully connected graph.").isEmpty(),
                "an adverb grading a modifier the group left out");
    }

    @Test
    void aListAfterACopulaOrBeforeAPurposeStillNamesKinds() {
        assertEquals(List.of("max_depth | tree parameter"),
                hearst("The budget can also be a tree parameter such as max_depth in a forest."),
                "a code name ending in -s is no plural");
        assertEquals(List.of("Gzip | compressors"),
                hearst("You first need one of the compressors such as Gzip to shrink the logs."));
        assertTrue(hearst("Sizes which are integers, such as the block programs Zip and Tar, are kept.").isEmpty(),
                "a copula inside a relative clause: the list belongs further left");
        assertTrue(hearst("Chad develops new sources of revenues, such as cotton farming, to offset oil.").isEmpty(),
                "kinds of sources, not of revenues");
        assertTrue(hearst("Each field needs a width for each column, such as 'I10' to hold integers.").isEmpty(),
                "after a comma a purpose may belong to anything before");
    }

    @Test
    void everyConjunctOfAnObjectListIsAnObject() {
        Tagger.Tagged t = Tagger.tag("Mali relies on foreign aid and gold exports for its budget.");
        Claims.Claim first = RelationPatterns.match(t).flatMap(r -> Claims.of(r, t)).orElseThrow();
        assertEquals("foreign aid", first.object());
        assertEquals(List.of("gold exports"), Claims.conjuncts(first, t).stream().map(Claims.Claim::object).toList());
        Tagger.Tagged open = Tagger.tag("Mali relies on foreign aid and gold exports grew fast.");
        Claims.Claim cut = RelationPatterns.match(open).flatMap(r -> Claims.of(r, open)).orElseThrow();
        assertTrue(Claims.conjuncts(cut, open).isEmpty(), "a conjunct that goes on is no object");
    }

    @Test
    void compoundParticiplesPassivesAndParticipleClassesAreReadForWhatTheyAre() {
        assertEquals("byte oriented encoding", claim("Latin-1 is a byte oriented encoding.").orElseThrow().object());
        assertEquals("tree based classifier", claim("A random forest is a tree based classifier.").orElseThrow()
                .object());
        assertTrue(claim("Listeners are passed KeyEvent objects from the queue.").isEmpty(), "a passive with its object");
        assertTrue(hearst("The set of names (containing routines such as len(), and builtin error names) grows.")
                .isEmpty(), "a class opened by a participle is a clause");
    }

    @Test
    void comparisonsLocativesSingularWholesAndCapitalMessagesAreNoClasses() {
        assertTrue(claim("The ring buffer is better fit for streaming workloads.").isEmpty(), "a comparison");
        assertEquals("phylogeny package", claim("Mesquite is the most widely used phylogeny package.").orElseThrow()
                .object().replaceFirst("^widely used ", ""), "a superlative still names the class");
        assertTrue(claim("The legacy codebase is nearly beyond repair after years of neglect.").isEmpty(), "locative");
        assertTrue(hearst("Most revenue comes from the mining sector, including copper and cobalt.").isEmpty(),
                "a singular whole includes parts, not kinds");
        assertTrue(hearst("The parser prints an error message such as BAD TOKEN TYPE and stops.").isEmpty(),
                "a message in capitals");
    }

    @Test
    void clausesAfterACoordinatorOrAReasonAssertButListsDoNot() {
        List<String> inner = Extract.innerClauses(unit("Fiji grows sugar cane, and Tonga is a small island economy."),
                Tagger.tag("Fiji grows sugar cane, and Tonga is a small island economy.")).stream()
                .map(dev.proda.text.TextUnit::text).toList();
        assertEquals(List.of("Tonga is a small island economy."), inner);
        String list = "Erosion, soil loss, drought, and floods are persistent problems.";
        assertTrue(Extract.innerClauses(unit(list), Tagger.tag(list)).isEmpty(), "a coordinator ending a noun list");
        String reason = "Wheat is costly because Malta is a small importer of grain.";
        assertEquals(List.of("Malta is a small importer of grain."), Extract.innerClauses(unit(reason),
                Tagger.tag(reason)).stream().map(dev.proda.text.TextUnit::text).toList());
    }

    @Test
    void gradedCompoundsLabelledNamesAndCoordinatedHeadsAreRead() {
        assertEquals("low-latency codec", claim("Opus is a high-quality, low-latency codec that compresses speech.")
                .orElseThrow().object());
        assertEquals("PageRanker", claim("The class PageRanker is a graph algorithm that ranks pages.").orElseThrow()
                .subject(), "a kind word before a code name labels it");
        assertEquals("supervised learning", claim("Boosting is a type of supervised learning or ensemble learning.")
                .orElseThrow().object(), "two whole groups share no head");
        assertTrue(claim("Splines are used for constructing smooth curves.").isEmpty(), "a gerund with its own object");
        assertEquals("machine learning", claim("Torch is used for machine learning.").orElseThrow().object());
        assertTrue(claim("erf(x) is a special function of statistics.").map(c -> c.alias() == null).orElse(true),
                "a parenthesis glued to a name holds its arguments");
    }

    @Test
    void otherAndLikeOtherNameKindsOfAPluralClass() {
        assertEquals(List.of("Basel Accord | treaties"), hearst("The Basel Accord and other treaties restrict leverage."),
                "an article may open the member; the verb after the plural is no part of the class");
        assertEquals(List.of("Grenada | island economies"), hearst(
                "Like other island economies in the region, Grenada is exposed to hurricanes."));
        assertEquals(List.of("Muscle | alignment programs"), hearst(
                "The output can be read by alignment programs such as Muscle and format conversion programs such as Seqret."),
                "the last member opens a list of its own");
    }

    @Test
    void longObjectsAreCutAtAClauseBoundaryAndGradedClassesKeepTheirNoun() {
        Claims.Claim curl = claim("Curl is a vector operator that measures the rotation of a vector field around a "
                + "given point in space, in terms of a vector of the same dimension.").orElseThrow();
        assertEquals("vector operator", curl.object());
        assertTrue(curl.definition().endsWith("around a given point in space"), "cut at its last comma within bounds");
        assertEquals("window functions", claim("The Hann window is one of the more common window functions.")
                .orElseThrow().object(), "'more' grades the adjective; 'one of the' defines a kind");
        assertEquals("is-a", claim("Kinetic energy is defined as the energy possessed by a moving body.")
                .orElseThrow().predicate());
        assertEquals("Lanczos method", Extract.mainClause(unit("Similar to the power method, the Lanczos method is "
                + "an iterative eigensolver.")).text().substring(4, 18), "a comparison opening the sentence is framing");
        assertTrue(claim("A message queue allows decoupling of the producers.").isEmpty(), "an action, not a concept");
    }

    @Test
    void anAdverbAfterAListStartsThePredicate() {
        assertEquals(List.of("Multinomial Naive Bayes | classifiers"),
                hearst("Some classifiers such as Multinomial Naive Bayes explicitly model word counts."));
        assertTrue(hearst("This method takes an encoding argument, such as UTF-8, and optionally a mode.").stream()
                .noneMatch(c -> c.startsWith("optionally")), "an adverb after a joiner is no member");
    }

    @Test
    void aParticipleClauseAfterTheClassIsNoPartOfIt() {
        assertEquals("design document", claim("An RFC is a design document providing information to the community.")
                .orElseThrow().object());
        assertTrue(claim("Option R is the usual Outgroup rooting option.").map(c -> !c.object().endsWith("Outgroup"))
                .orElse(true), "a modifier in -ing inside the group is no clause");
    }

    @Test
    void aPassiveParticipleIsNoClass() {
        assertTrue(claim("Orbital elements are computed using methods of an Orbit object.").isEmpty());
    }

    @Test
    void aDefinitionEndsWholeNotInsideAList() {
        assertEquals("a landlocked, arid nation", claim("Chad is a landlocked, arid nation, whose economy rests on "
                + "cotton, cattle, and some of the largest oil fields in the region.").orElseThrow().definition());
        assertEquals("a market economy with free trade, stable banks, and sound budgets", claim(
                "Chile is a market economy with free trade, stable banks, and sound budgets.").orElseThrow()
                .definition(), "', and' closing a list is no clause boundary");
    }

    @Test
    void aConnectiveBetweenCommasAndPluralShellsAreSkipped() {
        Tagger.Tagged t = Tagger.tag("A sparse matrix, on the other hand, is a matrix format that stores nonzeros.");
        assertTrue(RelationPatterns.cueEnd(t.text()) >= 0, "the aside does not hide the cue");
        assertEquals("matrix format", RelationPatterns.match(t).flatMap(r -> Claims.of(r, t)).orElseThrow().object());
        assertEquals("mapping types", claim("Dictionaries are examples of mapping types.").orElseThrow().object());
    }

    @Test
    void pluralSubjectsOfAFamilyAreEachOneOfItsKind() {
        Claims.Claim c = claim("Box-Cox transforms are a family of monotonic transformations of positive data.").orElseThrow();
        assertEquals("is-a", c.predicate());
        assertEquals("monotonic transformations", c.object());
    }

    @Test
    void andBeforeANamedSubjectAndItsVerbEndsTheObject() {
        assertEquals("a key transit hub for regional trade", claim(
                "Djibouti is a key transit hub for regional trade and Ethiopia is its main client.").orElseThrow()
                .definition());
    }

    @Test
    void aDefinitionThatPointsAtItsContextIsNoDefinition() {
        Claims.Claim c = claim("Cocoa is a major export of this region.").orElseThrow();
        assertEquals("is-a", c.predicate());
        assertNull(c.definition(), "'this region' is read only beside its paragraph");
    }

    @Test
    void aVariablesInstanceAndAnExampleExpressionAreNoTermsButAQuotedNameIs() {
        assertTrue(claim("The prior function g is a smooth nuisance function of the inputs.").isEmpty(),
                "'g' names one instance in the text");
        assertEquals(List.of("origin | special reference point"),
                hearst("Each frame has a special reference point called the ‘origin’ defined for it."),
                "a quoted name may take an article");
        assertTrue(hearst("For dotted names such as module.x, it completes the last part.").isEmpty());
    }

    @Test
    void whatAThingIsUsedOrFitForIsAUseEvenInOneWord() {
        Claims.Claim fit = claim("Ward linkage is particularly appropriate for compact cluster shapes.").orElseThrow();
        assertEquals("used-for", fit.predicate());
        assertEquals("compact cluster shapes", fit.object());
        Claims.Claim one = claim("Platt scaling is widely used in calibration, which needs held-out data.").orElseThrow();
        assertEquals("used-for | calibration", one.predicate() + " | " + one.object());
        assertTrue(claim("The tree may be more appropriate for small samples.").isEmpty(), "a comparison");
        Tagger.Tagged t = Tagger.tag("Lasso is a linear model used for sparse regression and feature selection.");
        Claims.Claim isA = RelationPatterns.match(t).flatMap(r -> Claims.of(r, t)).orElseThrow();
        Claims.Claim use = Claims.relativeClause(isA, t).orElseThrow();
        assertEquals("Lasso | used-for | sparse regression", use.subject() + " | " + use.predicate() + " | " + use.object());
        assertEquals(List.of("feature selection"), Claims.conjuncts(use, t).stream().map(Claims.Claim::object).toList());
        Tagger.Tagged the = Tagger.tag("Hinge is the loss function used for the classifier.");
        assertTrue(RelationPatterns.match(the).flatMap(r -> Claims.of(r, the)).flatMap(c -> Claims.relativeClause(c, the))
                .isEmpty(), "'the classifier' is the one in its context");
    }

    @Test
    void aClassLikeItsMembersNamesKindsButAComparisonDoesNot() {
        assertEquals(List.of("Erlang | languages", "Elixir | languages"),
                hearst("Pattern matching is common in languages like Erlang or Elixir."));
        assertEquals(List.of("grep | command"), hearst("This option matters for a command like grep."));
        assertTrue(hearst("A Frame object behaves like a numpy array in expressions.").isEmpty(), "a verb compares");
        assertTrue(hearst("It returns a dictionary like object.").isEmpty(), "one word split in two");
        assertTrue(hearst("These tools have no detailed sections like the other packages.").isEmpty(), "as the others");
        assertTrue(hearst("We print a string of letters like ACGT.").isEmpty(), "the letters are listed, not strings");
        assertTrue(hearst("Try the toolkits for genomics such as GenomeKit.").isEmpty(), "a field after 'for' is no class");
        assertEquals(List.of("FASTA | file formats"), hearst("It adds support for file formats such as FASTA."));
    }

    @Test
    void aJudgedGenericNounIsNoSubjectButANameIs() {
        assertTrue(claim("A common choice is the Gaussian kernel.").isEmpty(), "'common choice' names no concept");
        assertTrue(claim("A critical setting is the batch size.").isEmpty(), "a role the batch size plays");
        assertEquals("Mix", claim("Mix is a general parsimony program.").orElseThrow().subject());
        assertEquals("TABLE elements", claim("TABLE elements contain the rows of a table.").orElseThrow().subject(),
                "'TABLE' is a name, not a judging word in -able");
    }

    @Test
    void countsSlashedNamesAndPrepositionsBeforeARelativeAreNoPartOfATerm() {
        assertTrue(claim("Two proteins are paralogs if they share an ancestral gene.").isEmpty(), "a count of instances");
        assertTrue(claim("The Q option is the Quality/speed option.").isEmpty(), "'Quality' goes on past the slash");
        assertEquals("a linear map", claim("A projection is a linear map in which every vector is sent to its "
                + "nearest point on a chosen subspace of the space, which is fixed once and for all by the user.")
                .orElseThrow().definition(), "the preposition belongs to the relative clause");
    }

    @Test
    void codeNamesSetsAbbreviatedNamesAndCoordinatedModifiers() {
        assertEquals("max_depth parameter", claim("The max_depth parameter is a stopping criterion for tree growth.")
                .orElseThrow().subject(), "an underscore joins one name");
        assertEquals("sorting algorithms", claim("Comparison sorts are a family of sorting algorithms that only compare "
                + "keys.").orElseThrow().object(), "plural members of a family are each one of its kind");
        assertTrue(claim("A multiset is a set of elements with repetitions.").isEmpty(), "a set is no class of it");
        assertEquals("Gated recurrent units", claim("Gated recurrent units (GRU) are recurrent network cells with two "
                + "gates.").orElseThrow().subject(), "an abbreviation makes the participle a name");
        assertEquals("Weighted Mean Reciprocal Rank", claim("Weighted Mean Reciprocal Rank is a ranking metric for "
                + "search results.").orElseThrow().subject(), "a capitalised participle inside a name");
        assertEquals("statically typed language", claim("Ada is a procedural and statically typed language.")
                .orElseThrow().object(), "an adjective before 'and' is no head");
        assertTrue(claim("Sam is a typical user of the tool.").isEmpty(), "a typical case is no kind");
        assertEquals("compiler flags", claim("Fast builds require additional compiler flags.").orElseThrow().object());
    }

    @Test
    void coordinatedSubjectsEachTakeTheClaimWithOrWithoutAbbreviations() {
        String text = "Mean Average Precision (MAP) and Mean Reciprocal Rank (MRR) are ranking metrics for search engines.";
        List<String> claims = Extract.coordinated(new dev.proda.text.TextUnit(text, 0, text.length())).stream()
                .map(c -> c.subject() + " | " + c.object()).toList();
        assertEquals(List.of("Mean Average Precision | ranking metrics", "Mean Reciprocal Rank | ranking metrics"), claims);
    }

    @Test
    void aPluralSubjectIncludesKindsASingularOneIncludesParts() {
        assertEquals(List.of("Erlang | concurrent languages", "Elixir | concurrent languages"),
                hearst("Well-known concurrent languages include Erlang and Elixir."));
        assertTrue(hearst("Key exports include copper and cobalt.").isEmpty(), "the case at hand, not a kind");
        assertTrue(hearst("Long-term challenges include reducing debt and raising taxes.").isEmpty());
        Claims.Claim part = claim("SQLite includes a command-line interface.").orElseThrow();
        assertEquals("has-part", part.predicate());
        assertEquals("command-line interface", part.object());
        assertEquals("small factories", claim("Mining consists mainly of small factories.").orElseThrow().object());
    }

    @Test
    void aDefiniteComponentNamedByItsModifierReadsAlone() {
        assertEquals("itertools module", claim("The itertools module contains iterator building blocks.").orElseThrow()
                .subject());
        assertTrue(claim("The current module contains helper functions.").isEmpty(), "'current' points at the text");
        assertTrue(claim("The socket module is used for talking to other hosts.").isEmpty(),
                "a gerund with its complement is an action");
    }

    @Test
    void aPartNamedAfterItsKindIsTheNameAndAValueHeldIsNoPart() {
        assertEquals("GradientBoost", claim("The module boost.ensemble includes the popular boosting algorithm GradientBoost, "
                + "introduced in 2001.").orElseThrow().object());
        assertEquals("stats.Poisson", claim("The module stats.models contains a specialized class stats.Poisson for counts.")
                .orElseThrow().object());
        assertEquals("crond", claim("The cron package contains a daemon called crond.").orElseThrow().object());
        assertTrue(claim("The cache_dir parameter contains the directory where files are kept.").isEmpty(),
                "a parameter holds a value");
        assertTrue(claim("The keyword NAXIS contains the number of axes.").isEmpty(), "the kind before the name");
        assertTrue(claim("The server package contains the main two daemons of the suite.").isEmpty(),
                "a count inside the group");
        assertTrue(claim("The library contains basic functionality for plotting.").isEmpty(), "a vague part");
    }

    @Test
    void anAbbreviationInsideTheClassCutsItAndSuperlativesGradeIt() {
        assertTrue(claim("SMACK is a Mandatory Access Control (MAC) framework built on the kernel.").isEmpty(),
                "'Mandatory Access Control' is cut before its head");
        assertEquals("Linux kernel module", claim("SELinux is a Linux kernel module (LSM) that enforces policies.")
                .orElseThrow().object());
        assertEquals("bootloader", claim("GRUB Legacy is the oldest bootloader in use.").orElseThrow().object());
        assertEquals("package manager", claim("dpkg is the first package manager that Debian used.").orElseThrow().object());
        assertEquals("regimented activity", claim("Release management is a relatively regimented activity.")
                .orElseThrow().object(), "'relatively' grades, it does not classify");
        assertTrue(claim("Manual partitioning allows greater flexibility in layout.").isEmpty(), "a comparison");
        assertTrue(claim("DNS is an acronym for Domain Name System.").isEmpty(), "a name for it, no kind of it");
        assertTrue(claim("Debian Bookworm includes KDE version 5.27, which is new.").isEmpty(), "cut before its number");
    }

    @Test
    void aPartNamedOnlyByItsKindOfCodeSaysNothing() {
        assertTrue(claim("NumPy contains functions for linear algebra.").isEmpty());
        assertTrue(claim("The Table class contains methods for contingency tables.").isEmpty());
        assertEquals("command-line interface", claim("SQLite includes a command-line interface.").orElseThrow().object());
    }

    @Test
    void countsEventsPermissionsAndRelativeObjectsAreNoConcepts() {
        assertTrue(claim("The field K is the approximate number of pages that are read between two checkpoints.")
                .isEmpty(), "a definite count is a count, not the things counted");
        assertEquals("trees", claim("A forest is a number of trees grown on resampled data.").orElseThrow().object(),
                "an indefinite count still stands for the things counted");
        assertTrue(claim("Nor is the buffer freed when the cursor closes.").isEmpty(), "an inverted clause has no subject");
        assertTrue(claim("The kernel source contains 2041 uses of the likely() macro.").isEmpty(), "a counted object");
        assertTrue(claim("A page fault causes the process on the second core to stall.").isEmpty(),
                "the effect is the event the infinitive names");
        assertTrue(claim("The parser allows a comment wherever a blank is allowed.").isEmpty(), "a permission to stand");
        assertTrue(claim("Binary pages need a different decoder.").isEmpty(), "defined against another thing");
        assertEquals("XML files", claim("The ZIP archive contains four different XML files: a.xml, b.xml, c.xml and d.xml.")
                .orElseThrow().object(),
                "after a count, 'different' means distinct");
        assertEquals("entries", claim("A doclist consists of zero or more entries, where each entry holds a rowid.").orElseThrow()
                .object(), "an open range counts the object");
        assertTrue(claim("Sometimes servers contain bugs that an attacker can exploit.").isEmpty(), "an adverb is no subject");
        assertTrue(claim("The RELEASE statement causes all markers back to and including the last one to be dropped.")
                .isEmpty(), "the effect is the infinitive clause, however far");
        assertTrue(claim("The vacuum command is usually a no-op on an empty file.").isEmpty(), "a hedged kind");
        assertEquals("an extended error code for SQLITE_CANTOPEN", claim("The CANTOPEN_ISDIR code is an extended error code "
                + "for SQLITE_CANTOPEN indicating that a file open failed because the file is really a directory.")
                .orElseThrow().definition(), "a reporting participle without its clause is cut with it");
        assertEquals("a write operation", claim("VACUUM is a write operation and so if another connection holds a lock "
                + "that prevents writes, then the VACUUM will fail.").orElseThrow().definition(),
                "a consequence or condition ends the definition");
        assertEquals("an environment", claim("A notation context is an environment in which musical events (like notes "
                + "or clef commands) are interpreted.").orElseThrow().definition(),
                "a relative clause cut by a parenthesis before its verb is left out");
        assertTrue(claim("A tuning fork is a two-pronged piece of steel used to indicate a pitch.").isEmpty(),
                "a described piece is no kind of its material");
        assertEquals("furniture", claim("A chair is a piece of furniture.").orElseThrow().object());
        Claims.Claim quoted = claim("The ‘qr’ solver is an exact algorithm that only works for dense systems.").orElseThrow();
        assertEquals("‘qr’ solver | exact algorithm", quoted.subject() + " | " + quoted.object(),
                "a quoted name inside the subject, as the text writes it (its key is 'qr solver')");
        assertTrue(claim("A SHARED lock is also held WAL_READ_LOCK while the reader runs.").isEmpty(), "a passive");
        assertEquals("interpreted languages", claim("Scripting languages are interpreted languages.").orElseThrow()
                .object(), "a participle before a plural class modifies it");
        assertEquals(List.of(), hearst("The first two flags (FLAG_FAST and FLAG_SAFE) select the allocator."),
                "a counted class counts slots");
        assertEquals(List.of(), hearst("The value is the length of the record in bytes including the length field."),
                "a unit has no kinds");
        assertTrue(claim("Modern readers are used to bar lines in long scores.").isEmpty(), "'used to' a noun: accustomed");
        assertNull(claim("The stream object is an abstract base class defined as follows:").orElseThrow().definition(),
                "a definition that points ahead defines nothing here");
        assertEquals("index", claim("A prefix index is a separate index that records where each prefix occurs.")
                .orElseThrow().object());
    }

    @Test
    void aBareVerbFormBetweenNounsIsPartOfTheClass() {
        assertEquals(List.of("Darcs | version control systems", "Bazaar | version control systems"),
                hearst("The tool borrows the merge logic of version control systems such as Darcs or Bazaar."));
        assertEquals(List.of(), hearst("The shell quotes identifiers (column or table names) that hold spaces."),
                "'column' shares the head of 'table names'");
        assertEquals(List.of("rivers | landforms", "mountain ranges | landforms"),
                hearst("The park protects landforms such as rivers and mountain ranges."), "two plurals stand alone");
        assertTrue(claim("A plugin skeleton contains the following three elements:").isEmpty(), "parts only counted");
        assertEquals(List.of(), hearst("The rows are bounding boxes (longitude and latitude) of each county."),
                "a pair of everyday words glosses the parts");
        assertEquals(List.of("HTTP | internet protocols", "FTP | internet protocols"),
                hearst("The library speaks internet protocols (HTTP and FTP) out of the box."));
        assertEquals(List.of(), hearst("If a query scans a table with no indexes, a full scan occurs that reads every row."),
                "a negated noun opens no apposition");
    }
}
