package dev.mynah.nativelibs.whisper;

/**
 * How to transcribe one utterance.
 *
 * @param language            an ISO code such as "en", or null to let whisper detect the language
 * @param threads             CPU threads for the encoder and decoder
 * @param timestamps          whether to predict segment timestamps (off is faster; one segment spans the audio)
 * @param tokenTimestamps     whether to estimate a start and end time for every token
 * @param singleSegment       whether to force the whole utterance into one segment
 * @param initialPrompt       text that primes the decoder (names, spelling), or null
 * @param suppressNonSpeech   whether to suppress non-speech tokens such as "(music)" and symbols
 * @param temperature         the first decoding temperature (0 = greedy)
 * @param temperatureIncrement how much to raise the temperature on each fallback when a decode fails its
 *                            quality checks; 0 disables fallback
 * @param beamSize            beams for beam search; 1 decodes greedily
 * @param trimAudioContext    whether to shrink the encoder's window to the utterance's length (much faster for
 *                            short utterances, slightly less accurate)
 */
public record TranscribeOptions(String language, int threads, boolean timestamps, boolean tokenTimestamps,
                                boolean singleSegment, String initialPrompt, boolean suppressNonSpeech,
                                float temperature, float temperatureIncrement, int beamSize,
                                boolean trimAudioContext) {
    public TranscribeOptions {
        if (language != null && (language.isBlank() || language.equals("auto"))) {
            language = null;
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (!(temperature >= 0) || !(temperatureIncrement >= 0)) {
            throw new IllegalArgumentException("temperature and its increment must be zero or positive");
        }
        if (beamSize < 1 || beamSize > 8) {
            throw new IllegalArgumentException("beamSize must be between 1 and 8 (whisper.cpp's limit), not "
                    + beamSize);
        }
    }

    /** Auto-detected language, timestamps, greedy decoding with whisper's usual fallback, trimmed context. */
    public static TranscribeOptions defaults() {
        return new TranscribeOptions(null, Math.min(4, Runtime.getRuntime().availableProcessors()), true, false,
                false, null, true, 0f, 0.2f, 1, true);
    }

    public TranscribeOptions withLanguage(String code) {
        return new TranscribeOptions(code, threads, timestamps, tokenTimestamps, singleSegment, initialPrompt,
                suppressNonSpeech, temperature, temperatureIncrement, beamSize, trimAudioContext);
    }

    public TranscribeOptions withThreads(int count) {
        return new TranscribeOptions(language, count, timestamps, tokenTimestamps, singleSegment, initialPrompt,
                suppressNonSpeech, temperature, temperatureIncrement, beamSize, trimAudioContext);
    }

    public TranscribeOptions withTimestamps(boolean segment, boolean token) {
        return new TranscribeOptions(language, threads, segment, token, singleSegment, initialPrompt,
                suppressNonSpeech, temperature, temperatureIncrement, beamSize, trimAudioContext);
    }

    public TranscribeOptions withSingleSegment(boolean single) {
        return new TranscribeOptions(language, threads, timestamps, tokenTimestamps, single, initialPrompt,
                suppressNonSpeech, temperature, temperatureIncrement, beamSize, trimAudioContext);
    }

    public TranscribeOptions withInitialPrompt(String prompt) {
        return new TranscribeOptions(language, threads, timestamps, tokenTimestamps, singleSegment, prompt,
                suppressNonSpeech, temperature, temperatureIncrement, beamSize, trimAudioContext);
    }

    public TranscribeOptions withSuppressNonSpeech(boolean suppress) {
        return new TranscribeOptions(language, threads, timestamps, tokenTimestamps, singleSegment, initialPrompt,
                suppress, temperature, temperatureIncrement, beamSize, trimAudioContext);
    }

    public TranscribeOptions withTemperature(float start, float increment) {
        return new TranscribeOptions(language, threads, timestamps, tokenTimestamps, singleSegment, initialPrompt,
                suppressNonSpeech, start, increment, beamSize, trimAudioContext);
    }

    public TranscribeOptions withBeamSize(int beams) {
        return new TranscribeOptions(language, threads, timestamps, tokenTimestamps, singleSegment, initialPrompt,
                suppressNonSpeech, temperature, temperatureIncrement, beams, trimAudioContext);
    }

    public TranscribeOptions withTrimmedAudioContext(boolean trim) {
        return new TranscribeOptions(language, threads, timestamps, tokenTimestamps, singleSegment, initialPrompt,
                suppressNonSpeech, temperature, temperatureIncrement, beamSize, trim);
    }
}
