package dev.mynah.rag.chunk;

import dev.mynah.rag.parse.ParsedDocument;
import dev.mynah.rag.parse.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a parsed document into chunks that fit the embedding model. A chunk never crosses a section, so it has
 * one heading path and one page. Inside a section the text is cut into the coarsest pieces that fit the budget
 * (paragraphs, else sentences, else lines, else words, else halves of a word) and consecutive pieces are packed
 * greedily; a new chunk starts with the last pieces of the previous one, up to the overlap budget.
 *
 * <p>Each chunk's text is exactly {@code document.text().substring(start, end)}: it begins at its first piece
 * and ends at its last, with the document's own whitespace between them.
 */
public final class StructureChunker {
    private final TokenCounter counter;
    private final ChunkBudget budget;
    /** What the counter reports for empty text: the model's special tokens, which the budget leaves out. */
    private final int specialTokens;

    public StructureChunker(TokenCounter counter, ChunkBudget budget) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.specialTokens = counter.count("");
    }

    public List<Chunk> chunk(ParsedDocument document) {
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : document.sections()) {
            Packer packer = new Packer(document, section, chunks);
            cut(document.text(), section.start(), section.start() + section.text().length(), Boundary.PARAGRAPH, packer);
            packer.finish();
        }
        return chunks;
    }

    /** Content tokens of {@code text[start, end)}. */
    private int tokens(String text, int start, int end) {
        return counter.count(text.substring(start, end)) - specialTokens;
    }

    /**
     * Content tokens of a span that might fit, {@link Integer#MAX_VALUE} for one over the character budget: those are
     * never measured, since counting a 10 MB line would cost more than cutting it.
     */
    private int measure(String text, int start, int end) {
        return end - start <= budget.maxChars() ? tokens(text, start, end) : Integer.MAX_VALUE;
    }

    private void cut(String text, int start, int end, Boundary boundary, Packer packer) {
        boundary.split(text, start, end, (from, to) -> {
            int tokens = measure(text, from, to);
            if (tokens <= budget.maxTokens()) {
                packer.add(new Piece(from, to, tokens));
            } else if (boundary.finer() != null) {
                cut(text, from, to, boundary.finer(), packer);
            } else {
                halve(text, from, to, packer);
            }
        });
    }

    /** The last resort for a word that alone exceeds the budget (a long URL, Chinese text without punctuation). */
    private void halve(String text, int start, int end, Packer packer) {
        int tokens = measure(text, start, end);
        int middle = start + (end - start) / 2;
        if (Character.isLowSurrogate(text.charAt(middle)) && middle > start) {
            middle--;
        }
        if (tokens <= budget.maxTokens() || middle == start) {
            packer.add(new Piece(start, end, Math.min(tokens, budget.maxTokens())));
            return;
        }
        halve(text, start, middle, packer);
        halve(text, middle, end, packer);
    }

    /** A span of document text that fits the budget on its own. */
    private record Piece(int start, int end, int tokens) {
    }

    /** Packs the pieces of one section into chunks, in order. */
    private final class Packer {
        private final ParsedDocument document;
        private final Section section;
        private final List<Chunk> chunks;
        private final List<Piece> open = new ArrayList<>();
        private int openTokens;
        /** How many leading pieces of {@link #open} repeat the end of the previous chunk. */
        private int carried;

        Packer(ParsedDocument document, Section section, List<Chunk> chunks) {
            this.document = document;
            this.section = section;
            this.chunks = chunks;
        }

        void add(Piece piece) {
            while (!open.isEmpty() && !fits(piece)) {
                if (open.size() == carried) {
                    removeFirst(); // overlap only: give up the oldest repeated piece to make room
                } else {
                    List<Piece> leftOver = emit();
                    carryOverlap();
                    leftOver.forEach(this::add);
                }
            }
            open.add(piece);
            openTokens += piece.tokens();
        }

        void finish() {
            while (open.size() > carried) {
                List<Piece> leftOver = emit();
                carryOverlap();
                leftOver.forEach(this::add);
            }
        }

        private boolean fits(Piece next) {
            return openTokens + next.tokens() <= budget.maxTokens()
                    && next.end() - open.getFirst().start() <= budget.maxChars();
        }

        /**
         * Writes the open pieces as a chunk. The budget was checked on the sum of the pieces' counts; here the
         * joined text is counted for real, and pieces that push it over are handed back (trailing new pieces) or
         * dropped (leading repeated ones). A single piece fits by construction.
         */
        private List<Piece> emit() {
            List<Piece> leftOver = new ArrayList<>();
            String text = document.text();
            while (open.size() > 1 && tokens(text, open.getFirst().start(), open.getLast().end()) > budget.maxTokens()) {
                if (open.size() - carried > 1) {
                    Piece last = open.removeLast();
                    openTokens -= last.tokens();
                    leftOver.addFirst(last);
                } else {
                    removeFirst();
                }
            }
            int start = open.getFirst().start();
            int end = open.getLast().end();
            chunks.add(new Chunk(document.path(), section.page(), section.headings(), text.substring(start, end),
                    start, end, chunks.size()));
            return leftOver;
        }

        /** Keeps the trailing pieces of the chunk just written, within the overlap budget, to start the next. */
        private void carryOverlap() {
            int keep = 0;
            int tokens = 0;
            for (int i = open.size() - 1; i > 0 && tokens + open.get(i).tokens() <= budget.overlapTokens(); i--) {
                tokens += open.get(i).tokens();
                keep++;
            }
            open.subList(0, open.size() - keep).clear();
            openTokens = tokens;
            carried = keep;
        }

        private void removeFirst() {
            openTokens -= open.removeFirst().tokens();
            carried = Math.max(0, carried - 1);
        }
    }
}
