/**
 * The dialog service: {@link dev.freeagent.vtuber.dialog.Main} wires the features (turn, llm, memory, chat)
 * and holds the module's root exception.
 */
package dev.freeagent.vtuber.dialog;
