/**
 * The long-term memory effect: each {@code LtmWriteRequested} turn is written to the ltm service over gRPC,
 * whose Write is idempotent by correlation id.
 */
package dev.freeagent.vtuber.workers.ltm;
