package dev.proda.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Decision Trees,decision tree", "processes,process", "classes,class", "boxes,box",
        "species,species", "analysis,analysis", "analyses,analysis", "statistics,statistics", "children,child",
        "matrices,matrix", "probabilities,probability", "bus,bus", "DTs,dt", "C++,cplusplus", "C#,csharp", "C,c",
        "ranking metrics,ranking metric", "economics,economics", "alias,alias", "aliases,alias", "bias,bias",
        "ideas,idea"})
    void keysMergePluralsAndCase(String term, String key) {
        assertEquals(key, Terms.key(term));
    }
}
