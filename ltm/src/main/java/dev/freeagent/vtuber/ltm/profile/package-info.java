/**
 * User profiles for the legacy {@code profile_get}/{@code profile_update} requests: built from the user's
 * memories (what they like, their traits, their occupation) and overlaid with the fields a client set.
 */
package dev.freeagent.vtuber.ltm.profile;
