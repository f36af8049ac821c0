package dev.mynah.nativelibs.whisper;

import java.util.List;
import java.util.stream.Collectors;

/** What whisper heard in one piece of audio: its text, timed segments, language and how long it took. */
public record Transcript(List<Segment> segments, String language, Timings timings) {
    public Transcript {
        segments = List.copyOf(segments);
    }

    /** All segment texts joined, without surrounding whitespace. */
    public String text() {
        return segments.stream().map(Segment::text).collect(Collectors.joining()).strip();
    }

    /** A stretch of speech with start and end in seconds from the start of the audio. */
    public record Segment(double start, double end, String text, float noSpeechProbability, List<Token> tokens) {
        public Segment {
            tokens = List.copyOf(tokens);
        }
    }

    /**
     * One text token with the probability whisper gave it; {@code start} and {@code end} are in seconds and
     * only measured when token timestamps were requested (otherwise NaN).
     */
    public record Token(int id, String text, float probability, double start, double end) {
    }

    /**
     * whisper.cpp's per-call averages for this transcription plus the wall-clock time of the whole call, in
     * milliseconds, and the encoder context (audio_ctx) the run used.
     */
    public record Timings(double totalMillis, double encodeMillis, double decodeMillis, double batchDecodeMillis,
                          double promptMillis, int audioContext) {
    }
}
