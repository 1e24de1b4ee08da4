package org.jobdeck.demo.jobs;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads one image file with javax.imageio, decoding it fully (so a file cut short is caught, not
 * just a bad header), and says what it is or why it is not a usable image.
 */
final class ImageProbe {
    private ImageProbe() {
    }

    /** Either the image's facts, or the reason it could not be read. */
    record Result(Integer width, Integer height, String format, Long bytes, String error, boolean missing) {
        boolean ok() {
            return error == null;
        }

        static Result problem(Long bytes, String error) {
            return new Result(null, null, null, bytes, error, false);
        }
    }

    static Result probe(Path file) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (NoSuchFileException e) {
            return new Result(null, null, null, null, "file is missing: " + file, true);
        } catch (IOException e) {
            return Result.problem(null, "cannot read " + file + ": " + e.getMessage());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Result.problem(bytes, "cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Result.problem(bytes, "not an image: no image format recognises its " + bytes + " bytes");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            try {
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                return new Result(image.getWidth(), image.getHeight(), format, bytes, null, false);
            } catch (IOException | RuntimeException e) {
                return Result.problem(bytes, "corrupt " + format + " (" + bytes + " bytes): " + describe(e));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return Result.problem(bytes, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            message += " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        }
        return message;
    }
}
