package dev.mynah.supply;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks the gzip'd ustar/pax archives npm produces. Only regular files and directories are written, and
 * every entry must stay inside the target directory.
 */
final class TarGzExtractor {
    private static final int BLOCK = 512;

    private TarGzExtractor() {
    }

    /** Extracts {@code in} below {@code target}, dropping the first {@code stripComponents} path elements. */
    static void extract(InputStream in, Path target, int stripComponents) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        DataInputStream tar = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        byte[] header = new byte[BLOCK];
        String pendingLongName = null;
        while (true) {
            try {
                tar.readFully(header);
            } catch (EOFException e) {
                return;
            }
            if (isZeroBlock(header)) {
                return;
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            if (type == 'x' || type == 'L') {
                byte[] data = readPadded(tar, size);
                pendingLongName = type == 'L'
                        ? new String(data, StandardCharsets.UTF_8).replace("\0", "")
                        : paxPath(data);
                continue;
            }
            if (pendingLongName != null) {
                name = pendingLongName;
                pendingLongName = null;
            }
            Path out = destination(root, name, stripComponents);
            if (type == '0' || type == '\0') {
                Files.createDirectories(out.getParent());
                try (OutputStream os = Files.newOutputStream(out)) {
                    copy(tar, os, size);
                }
                skip(tar, padding(size));
            } else if (type == '5') {
                Files.createDirectories(out);
            } else {
                // Links, devices and the like have no place in an engine package: skip their data.
                skip(tar, size + padding(size));
            }
        }
    }

    private static Path destination(Path root, String name, int stripComponents) throws IOException {
        String[] parts = name.split("/+");
        if (name.startsWith("/") || parts.length <= stripComponents) {
            if (parts.length <= stripComponents) {
                return root;
            }
            throw new IOException("archive entry has an absolute path: " + name);
        }
        Path out = root;
        for (int i = stripComponents; i < parts.length; i++) {
            out = out.resolve(parts[i]);
        }
        out = out.normalize();
        if (!out.startsWith(root)) {
            throw new IOException("archive entry escapes the target directory: " + name);
        }
        return out;
    }

    private static String paxPath(byte[] data) {
        // Records look like "LEN key=value\n".
        String text = new String(data, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static byte[] readPadded(DataInputStream in, long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("archive header record is implausibly large: " + size + " bytes");
        }
        byte[] data = new byte[(int) size];
        in.readFully(data);
        skip(in, padding(size));
        return data;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("archive is truncated");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(DataInputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("archive is truncated");
                }
                n = 1;
            }
            left -= n;
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String text = field(header, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("archive header has a bad size field: " + text, e);
        }
    }
}
