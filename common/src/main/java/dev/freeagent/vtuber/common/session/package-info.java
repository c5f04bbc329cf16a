/**
 * The session directory: which output instance holds a session's client socket, in Redis, so speech and STOP
 * reach the right replica.
 */
package dev.freeagent.vtuber.common.session;
