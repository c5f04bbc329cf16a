/**
 * The voice path's output end: the {@code SpeechIngest} gRPC stream from dialog, relayed to the client socket of
 * its session in the form that socket chose, and registered in the session directory so dialog and STOP find the
 * instance that holds the socket.
 */
package dev.freeagent.vtuber.output.speech;
