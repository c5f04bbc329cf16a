/**
 * The service's plain HTTP routes: its description page and /health.
 */
package dev.freeagent.vtuber.input.web;
