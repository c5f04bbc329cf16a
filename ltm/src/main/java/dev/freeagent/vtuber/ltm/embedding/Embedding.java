package dev.freeagent.vtuber.ltm.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A unit-length sentence vector and the model that made it. Vectors of different models (or dimensions) live in
 * different spaces: comparing them is refused, never silently computed.
 *
 * @param model the id of the model that made the vector, stored with it
 * @param values the components, unit length; not copied, do not change them
 */
public record Embedding(String model, float[] values) {
    /**
     * Validates.
     */
    public Embedding {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("an embedding needs at least one dimension");
        }
    }

    /**
     * Scales a raw model output to unit length, so that the dot product is the cosine similarity.
     *
     * @param model model id
     * @param raw the model's output
     * @return the unit vector
     * @throws IllegalArgumentException for a zero vector, which has no direction to compare
     */
    public static Embedding normalized(String model, float[] raw) {
        double sum = 0;
        for (float v : raw) {
            sum += (double) v * v;
        }
        if (sum == 0 || Double.isNaN(sum) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("model " + model + " produced a vector without a direction");
        }
        float scale = (float) (1 / Math.sqrt(sum));
        float[] unit = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            unit[i] = raw[i] * scale;
        }
        return new Embedding(model, unit);
    }

    /**
     * Reads a vector stored by {@link #toBytes()}.
     *
     * @param model the model id stored beside it
     * @param bytes little-endian float32 components
     * @return the vector
     */
    public static Embedding fromBytes(String model, byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("a stored vector of " + bytes.length + " bytes is not whole floats");
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new Embedding(model, values);
    }

    /**
     * The number of components.
     *
     * @return dimension
     */
    public int dimension() {
        return values.length;
    }

    /**
     * Whether the other vector lives in the same space (same model, same dimension).
     *
     * @param other another vector
     * @return true when they may be compared
     */
    public boolean comparableWith(Embedding other) {
        return model.equals(other.model) && values.length == other.values.length;
    }

    /**
     * Cosine similarity (both vectors are unit length).
     *
     * @param other a vector of the same model
     * @return similarity in -1..1
     * @throws IllegalArgumentException when the vectors come from different models or dimensions
     */
    public double cosine(Embedding other) {
        if (!comparableWith(other)) {
            throw new IllegalArgumentException("cannot compare a vector of " + model + " (" + values.length
                    + " dimensions) with one of " + other.model + " (" + other.values.length + " dimensions)");
        }
        double dot = 0;
        for (int i = 0; i < values.length; i++) {
            dot += values[i] * other.values[i];
        }
        return dot;
    }

    /**
     * The components as little-endian float32, the storage form.
     *
     * @return bytes
     */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }
}
