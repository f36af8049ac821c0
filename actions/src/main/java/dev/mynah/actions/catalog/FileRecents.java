package dev.mynah.actions.catalog;

import dev.mynah.actions.ActionFailedException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files the Linux desktop lists as recently used, from the freedesktop {@code recently-used.xbel}. */
final class FileRecents {
    private record Used(Path path, Instant when) {
    }

    private FileRecents() {
    }

    /** Files listed in {@code xbel} that still exist, most recently used first; none when there is no list. */
    static List<Path> read(Path xbel) throws ActionFailedException {
        if (!Files.isRegularFile(xbel)) {
            return List.of();
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // no entities: the file is data, not a program
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Used> used = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xbel)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("bookmark")) {
                    Path path = localFile(xml.getAttributeValue(null, "href"));
                    if (path != null && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                        used.add(new Used(path, latest(xml.getAttributeValue(null, "added"),
                                xml.getAttributeValue(null, "modified"), xml.getAttributeValue(null, "visited"))));
                    }
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new ActionFailedException("I could not read the list of recent files in " + xbel + " ("
                    + e.getMessage() + ")", e);
        }
        return used.stream().sorted(Comparator.comparing(Used::when).reversed()).map(Used::path).distinct()
                .toList();
    }

    private static Path localFile(String href) {
        if (href == null || !href.startsWith("file:///")) {
            return null;
        }
        try {
            return Path.of(URI.create(href));
        } catch (IllegalArgumentException malformed) {
            return null; // not a file this computer can open
        }
    }

    private static Instant latest(String... stamps) {
        return Stream.of(stamps).map(FileRecents::instant).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static Instant instant(String stamp) {
        try {
            return stamp == null ? Instant.EPOCH : Instant.parse(stamp);
        } catch (DateTimeParseException malformed) {
            return Instant.EPOCH;
        }
    }
}
