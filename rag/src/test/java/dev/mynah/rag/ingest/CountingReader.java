package dev.mynah.rag.ingest;

import dev.mynah.rag.chunk.Chunk;
import dev.mynah.rag.chunk.ChunkBudget;
import dev.mynah.rag.chunk.StructureChunker;
import dev.mynah.rag.chunk.TokenCounter;
import dev.mynah.rag.parse.DocumentSkippedException;
import dev.mynah.rag.parse.ParseLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real parsers and chunker, counting how often each file is read. The chunk budget is small (24 tokens, no
 * overlap) so that each one-sentence paragraph of the tests is a chunk of its own.
 */
public final class CountingReader implements DocumentReader {
    private final DocumentReader parsing;
    private final Map<Path, Integer> reads = new ConcurrentHashMap<>();

    public CountingReader(TokenCounter tokens) {
        this.parsing = DocumentReader.parsing(ParseLimits.DEFAULT,
                new StructureChunker(tokens, new ChunkBudget(24, 0, 2000)));
    }

    @Override
    public List<Chunk> read(Path file) throws IOException, DocumentSkippedException {
        reads.merge(file, 1, Integer::sum);
        return parsing.read(file);
    }

    public int reads() {
        return reads.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int readsOf(Path file) {
        return reads.getOrDefault(file, 0);
    }
}
