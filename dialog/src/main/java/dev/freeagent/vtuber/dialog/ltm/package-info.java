/**
 * The dialog's side of long-term memory: recalling what ltm knows about a user, within a short deadline.
 */
package dev.freeagent.vtuber.dialog.ltm;
