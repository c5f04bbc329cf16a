/**
 * The input service (port 8001): chunked uploads over WebSocket, a turn per upload, results in Redis.
 */
package dev.freeagent.vtuber.input;
