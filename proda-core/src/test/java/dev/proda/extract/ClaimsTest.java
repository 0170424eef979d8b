package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
