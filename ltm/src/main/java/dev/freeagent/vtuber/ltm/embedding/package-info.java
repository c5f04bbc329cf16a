/**
 * Sentence embeddings: a {@link dev.freeagent.vtuber.ltm.embedding.TextEmbedder} turns text into unit vectors
 * tagged with the model that made them, either in process (all-MiniLM-L6-v2, quantized, offline) or through an
 * OpenAI-compatible {@code /embeddings} endpoint. Vectors of different models are never compared.
 */
package dev.freeagent.vtuber.ltm.embedding;
