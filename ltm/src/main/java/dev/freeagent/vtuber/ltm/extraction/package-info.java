/**
 * What is worth remembering from a turn: short sentences that state facts about the user. A language model
 * is asked when one is configured; otherwise, and whenever that call fails, a plain first-person rule decides.
 */
package dev.freeagent.vtuber.ltm.extraction;
