package dev.freeagent.vtuber.dialog.turn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character's system prompt: the file named by {@code dialog.persona.file}, or the built-in
 * {@code persona.txt} when that key is empty.
 *
 * @param prompt the system prompt, not blank
 */
public record Persona(String prompt) {
    /**
     * Rejects a blank prompt.
     */
    public Persona {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("dialog.persona.file: the persona prompt is empty");
        }
        prompt = prompt.strip();
    }

    /**
     * Loads the persona.
     *
     * @param file the value of {@code dialog.persona.file}; blank means the built-in persona
     * @return the persona
     * @throws IllegalArgumentException when the file cannot be read
     */
    public static Persona load(String file) {
        if (file == null || file.isBlank()) {
            return builtIn();
        }
        try {
            return new Persona(Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("dialog.persona.file: cannot read " + file.trim() + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * The built-in persona.
     *
     * @return the persona shipped in {@code persona.txt}
     */
    public static Persona builtIn() {
        try (InputStream in = Persona.class.getResourceAsStream("persona.txt")) {
            if (in == null) {
                throw new IllegalStateException("persona.txt is missing from the dialog jar");
            }
            return new Persona(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in persona.txt", e);
        }
    }
}
