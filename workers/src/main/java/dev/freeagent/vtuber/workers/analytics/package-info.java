/**
 * The analytics effect: chat and ASR statistics from {@code AnalyticsChatStats} / {@code AnalyticsAsrStats}
 * events, aggregated in Redis once per correlation id and event type (shared by every worker instance), served as
 * JSON at {@code GET /analytics} and counted in this instance's metrics.
 */
package dev.freeagent.vtuber.workers.analytics;
