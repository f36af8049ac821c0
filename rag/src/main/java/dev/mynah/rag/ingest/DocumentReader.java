package dev.mynah.rag.ingest;

import dev.mynah.rag.chunk.Chunk;
import dev.mynah.rag.chunk.StructureChunker;
import dev.mynah.rag.parse.DocumentParsers;
import dev.mynah.rag.parse.DocumentSkippedException;
import dev.mynah.rag.parse.ParseLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one file into the chunks to index. */
@FunctionalInterface
public interface DocumentReader {
    /**
     * The chunks of {@code file}, in order.
     *
     * @throws DocumentSkippedException if the file's content cannot be indexed; it is recorded as skipped, with the
     *                                  reason
     * @throws IOException              if the file could not be read now; whatever was indexed for it is kept
     */
    List<Chunk> read(Path file) throws IOException, DocumentSkippedException;

    /** Any supported format parsed within {@code limits}, then cut by {@code chunker}. */
    static DocumentReader parsing(ParseLimits limits, StructureChunker chunker) {
        return file -> chunker.chunk(DocumentParsers.parse(file, limits));
    }
}
