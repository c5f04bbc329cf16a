package dev.freeagent.vtuber.ltm.embedding;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddingTest {
    @Test
    void normalisedVectorsCompareByCosine() {
        Embedding a = Embedding.normalized("m", new float[] {3, 4});
        Embedding b = Embedding.normalized("m", new float[] {4, 3});

        assertThat((double) a.values()[0], closeTo(0.6, 1e-6));
        assertThat(a.cosine(a), closeTo(1.0, 1e-6));
        assertThat(a.cosine(b), closeTo(0.96, 1e-6));
    }

    @Test
    void theStorageFormRoundTrips() {
        Embedding a = Embedding.normalized("m", new float[] {1, -2, 0.5f});
        Embedding back = Embedding.fromBytes("m", a.toBytes());

        assertThat(a.toBytes().length, is(12));
        assertThat(back.cosine(a), closeTo(1.0, 1e-6));
        assertThat(back.values()[1], is(a.values()[1]));
    }

    @Test
    void vectorsOfDifferentModelsOrSizesAreNeverCompared() {
        Embedding mini = Embedding.normalized("all-MiniLM-L6-v2-q", new float[] {1, 0});
        Embedding other = Embedding.normalized("text-embedding-3-small", new float[] {1, 0});
        Embedding longer = Embedding.normalized("all-MiniLM-L6-v2-q", new float[] {1, 0, 0});

        IllegalArgumentException models = assertThrows(IllegalArgumentException.class, () -> mini.cosine(other));
        assertThrows(IllegalArgumentException.class, () -> mini.cosine(longer));
        assertThat(models.getMessage(), is("cannot compare a vector of all-MiniLM-L6-v2-q (2 dimensions) with one of "
                + "text-embedding-3-small (2 dimensions)"));
        assertThat(mini.comparableWith(longer), is(false));
    }

    @Test
    void aZeroVectorHasNoDirection() {
        assertThrows(IllegalArgumentException.class, () -> Embedding.normalized("m", new float[] {0, 0}));
    }
}
