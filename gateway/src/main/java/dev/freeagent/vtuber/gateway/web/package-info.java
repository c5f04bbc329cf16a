/**
 * The gateway's own HTTP routes (contract §2.4): {@code /health}, {@code /health/services}, {@code /connections},
 * the {@code /} page, and CORS for the front end's origins.
 */
package dev.freeagent.vtuber.gateway.web;
