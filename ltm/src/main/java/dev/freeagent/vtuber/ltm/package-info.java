/**
 * The long-term memory service: {@link dev.freeagent.vtuber.ltm.Main} wires the features (embedding,
 * extraction, memory, store, profile, api, legacy) and holds the module's root exception, metrics and
 * readiness checks.
 */
package dev.freeagent.vtuber.ltm;
