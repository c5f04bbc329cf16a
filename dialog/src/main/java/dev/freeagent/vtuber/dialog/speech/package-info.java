/**
 * From reply text to speakable pieces: the incremental sentence splitter that lets the first sentence go to
 * speech synthesis while the language model is still writing the rest.
 */
package dev.freeagent.vtuber.dialog.speech;
