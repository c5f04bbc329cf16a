/**
 * The output service: client output sockets that receive each task's result (contract §4), their
 * status routes, and the barge-in control API.
 */
package dev.freeagent.vtuber.output;
