package org.jobdeck.demo.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes the dataset's images: small real PNGs (a two-colour gradient with a disc), and the
 * corrupt ones: one that is not an image at all, one a PNG cut off after its header (as an
 * interrupted upload would leave it).
 */
final class MediaFiles {
    static final String CONTENT_TYPE = "image/png";

    private MediaFiles() {
    }

    static String fileName(int mediaIndex) {
        return String.format(Locale.ROOT, "media-%06d.png", mediaIndex + 1);
    }

    static void writeValid(Path file, SplittableRandom random) throws IOException {
        Files.write(file, png(16 + random.nextInt(81), 16 + random.nextInt(81), random));
    }

    /** The n-th corrupt file (0 or 1, alternating kinds). */
    static void writeCorrupt(Path file, int n, SplittableRandom random) throws IOException {
        if (n % 2 == 0) {
            Files.write(file, "not an image: the upload was interrupted\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            byte[] whole = png(48, 48, random);
            Files.write(file, Arrays.copyOf(whole, 40)); // signature, IHDR, then nothing readable
        }
    }

    static byte[] png(int width, int height, SplittableRandom random) throws IOException {
        int from = random.nextInt(0x1000000);
        int to = random.nextInt(0x1000000);
        int disc = random.nextInt(0x1000000);
        int cx = random.nextInt(width);
        int cy = random.nextInt(height);
        int radius = 3 + random.nextInt(Math.max(1, Math.min(width, height) / 2));
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int dx = x - cx;
                int dy = y - cy;
                pixels[y * width + x] = dx * dx + dy * dy <= radius * radius ? disc
                        : blend(from, to, (double) x / Math.max(1, width - 1));
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer in this JVM");
        }
        return bytes.toByteArray();
    }

    private static int blend(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
