package dev.mynah.rag.parse;

import java.util.Locale;

/**
 * How much a single file may cost to parse: {@code maxFileBytes} caps the file on disk, {@code maxExpandedBytes}
 * caps what a compressed container (DOCX) may inflate to. Files over either limit are skipped with a reason.
 */
public record ParseLimits(long maxFileBytes, long maxExpandedBytes) {
    private static final long MB = 1024L * 1024;

    /** 50 MB on disk, 200 MB inflated: generous for documents, small enough to keep the heap safe. */
    public static final ParseLimits DEFAULT = new ParseLimits(50 * MB, 200 * MB);

    public ParseLimits {
        if (maxFileBytes <= 0 || maxExpandedBytes <= 0) {
            throw new IllegalArgumentException("parse limits must be positive: file " + maxFileBytes
                    + " bytes, expanded " + maxExpandedBytes + " bytes");
        }
    }

    public ParseLimits withMaxFileBytes(long bytes) {
        return new ParseLimits(bytes, maxExpandedBytes);
    }

    public ParseLimits withMaxExpandedBytes(long bytes) {
        return new ParseLimits(maxFileBytes, bytes);
    }

    /** A size as a person reads it: "812 bytes", "37 KB", "50 MB", "1.2 GB". */
    static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        boolean whole = value >= 100 || Math.abs(value - Math.rint(value)) < 0.05;
        return String.format(Locale.ROOT, whole ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
