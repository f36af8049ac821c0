package dev.mynah.rag.index;

/** How a search ranks chunks: by words (BM25), by meaning (vectors), or both fused by reciprocal rank. */
public enum Retrieval {
    BM25, VECTOR, HYBRID
}
