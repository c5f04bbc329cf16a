/**
 * The transparent WebSocket proxy (contract §2.1): {@code /ws/input} and {@code /ws/output/{task_id}} are paired
 * with a backend socket and frames are pumped both ways, keeping type, order and fragmentation.
 */
package dev.freeagent.vtuber.gateway.proxy;
