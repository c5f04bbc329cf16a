/**
 * {@code POST /api/asr}: recorded audio transcribed and answered by dialog (contract §2.3).
 */
package dev.freeagent.vtuber.gateway.asr;
