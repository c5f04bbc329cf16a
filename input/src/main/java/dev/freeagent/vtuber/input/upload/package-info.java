/**
 * The chunked upload protocol of /ws/input: frames, limits, and turning a finished upload into a task on disk.
 */
package dev.freeagent.vtuber.input.upload;
