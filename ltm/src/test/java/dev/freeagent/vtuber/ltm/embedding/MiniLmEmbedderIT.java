package dev.freeagent.vtuber.ltm.embedding;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * The real all-MiniLM-L6-v2 (quantized), loaded once for the class.
 */
class MiniLmEmbedderIT {
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load(2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsAreUnitLengthWith384DimensionsTaggedWithTheModel() {
        Embedding cake = embedder.embed("I love chocolate cake");

        assertThat(cake.model(), is("all-MiniLM-L6-v2-q"));
        assertThat(cake.dimension(), is(384));
        assertThat(cake.cosine(cake), closeTo(1.0, 1e-5));
        assertThat(embedder.available(), is(true));
    }

    @Test
    void aQuestionAboutDessertIsClosestToTheCakeMemory() {
        List<Embedding> vectors = embedder.embed(List.of("What dessert does the user like?", "I love chocolate cake",
                "I work as a nurse in Berlin", "My car is a red Volvo"));
        Embedding query = vectors.getFirst();

        double cake = query.cosine(vectors.get(1));
        assertThat(cake, is(greaterThan(0.4)));
        assertThat(query.cosine(vectors.get(2)), is(lessThan(cake - 0.2)));
        assertThat(query.cosine(vectors.get(3)), is(lessThan(cake - 0.2)));
    }

    @Test
    void theSameTextAlwaysGivesTheSameVector() {
        Embedding once = embedder.embed("I have a dog named Rex");
        Embedding again = embedder.embed(List.of("something else", "I have a dog named Rex")).get(1);

        assertThat(once.cosine(again), closeTo(1.0, 1e-5));
    }
}
