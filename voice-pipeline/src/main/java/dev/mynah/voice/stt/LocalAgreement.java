package dev.mynah.voice.stt;

import java.util.List;

/**
 * The LocalAgreement-2 policy: a word becomes stable once two consecutive hypotheses agree on it and on every
 * word before it, and stable words are never taken back, so the text a person sees does not flicker.
 */
final class LocalAgreement {
    private List<String> stable = List.of();
    private List<String> previous = List.of();

    /** Takes the newest hypothesis of the whole utterance so far and splits it into stable and unstable text. */
    StreamingTranscriber.Partial next(String hypothesis, double audioSeconds) {
        List<String> words = words(hypothesis);
        List<String> agreed = commonPrefix(previous, words);
        if (agreed.size() > stable.size() && agreed.subList(0, stable.size()).equals(stable)) {
            stable = agreed;
        }
        previous = words;
        // A hypothesis that contradicts the stable words still shows what it heard after them.
        List<String> unstable = words.subList(Math.min(stable.size(), words.size()), words.size());
        return new StreamingTranscriber.Partial(String.join(" ", stable), String.join(" ", unstable), audioSeconds);
    }

    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    private static List<String> commonPrefix(List<String> a, List<String> b) {
        int length = 0;
        while (length < a.size() && length < b.size() && a.get(length).equals(b.get(length))) {
            length++;
        }
        return a.subList(0, length);
    }
}
