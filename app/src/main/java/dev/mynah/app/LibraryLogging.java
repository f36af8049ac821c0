package dev.mynah.app;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the document libraries' own logging off the terminal. PDFBox, POI and Lucene log through
 * java.util.logging (log4j-to-jul carries POI's). On a damaged PDF, PDFBox logs warnings and even severe errors
 * with stack traces, thousands of lines, about things it repaired or worked around (a broken embedded font);
 * Mynah itself reports every file it could not read, with the reason, so those messages say nothing more.
 */
final class LibraryLogging {
    /** Held here because java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger APACHE = Logger.getLogger("org.apache");

    private LibraryLogging() {
    }

    static void quiet() {
        APACHE.setLevel(Level.OFF);
    }
}
