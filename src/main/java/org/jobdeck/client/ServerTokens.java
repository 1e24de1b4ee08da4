package org.jobdeck.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.queue.FileModes;
import org.jobdeck.queue.JobdeckHome;

/**
 * The server's tokens: read from files the operator names, or, for the admin token when none is
 * named, generated (32 random bytes, URL-safe base64) and written readable by the owner only.
 */
public final class ServerTokens {
    /** Shorter tokens are refused: they could be guessed. */
    public static final int MIN_LENGTH = 16;
    static final String GENERATED_FILE = "admin.token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerTokens() {
    }

    /** A token file the server will accept: see {@link TokenFile#read}, and long enough. */
    public static String read(Path file) {
        String token = TokenFile.read(file);
        if (token.length() < MIN_LENGTH) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST, "Token in " + file
                    + " is too short: use at least " + MIN_LENGTH + " characters");
        }
        return token;
    }

    /** A fresh random token: 32 bytes from SecureRandom, URL-safe base64 without padding. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Where a generated admin token goes: {@code admin.token} in the Jobdeck home. */
    public static Path generatedFile() {
        return JobdeckHome.directory().resolve(GENERATED_FILE);
    }

    /**
     * Writes a token to a file that only its owner may read or write (600), replacing the file
     * atomically, so that the token is never readable by others, not even for a moment.
     */
    public static void write(Path file, String token) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (JobdeckHome.contains(directory)) {
                JobdeckHome.ensure();
            }
            Files.createDirectories(directory);
            Path temporary = FileModes.createOwnerOnlyTempFile(directory, ".admin-token");
            try {
                Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token file " + file + ": " + e.getMessage(), e);
        }
    }
}
