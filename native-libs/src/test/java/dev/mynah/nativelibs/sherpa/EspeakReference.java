package dev.mynah.nativelibs.sherpa;

import dev.mynah.fixtures.onnx.PiperStandInModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Piper's phoneme ids for a text, computed without sherpa-onnx: the espeak-ng command line (Debian package
 * espeak-ng) phonemizes each sentence, and Piper's rules turn the IPA into ids: NFD-decomposed codepoints
 * mapped through the phoneme_id_map, the sentence's end punctuation appended, then ^ _ (id _)... $. espeak-ng
 * ends a sentence at the ideographic 。？！ without reporting period, question or exclamation punctuation, so
 * Piper appends nothing there.
 */
final class EspeakReference {
    private static final Pattern SENTENCE = Pattern.compile("[^.?!。？！]+([.?!。？！])");
    private static final Pattern LANGUAGE_SWITCH = Pattern.compile("\\([a-z-]+\\)");

    private EspeakReference() {
    }

    /** espeak-ng's data directory, as the installed espeak-ng reports it. */
    static Path dataDir() throws IOException, InterruptedException {
        String version = run("espeak-ng", "--version");
        Matcher at = Pattern.compile("Data at: (.+)").matcher(version);
        if (!at.find() || !Files.isRegularFile(Path.of(at.group(1).strip(), "phontab"))) {
            throw new IllegalStateException("espeak-ng reports no data directory (apt-get install espeak-ng): "
                    + version);
        }
        return Path.of(at.group(1).strip());
    }

    /** The id sequence of each sentence of {@code text}, each sentence ending in . ? ! 。 ？ or ！. */
    static List<List<Integer>> phonemeIds(String text, String espeakVoice) throws IOException, InterruptedException {
        List<List<Integer>> sentences = new ArrayList<>();
        Matcher sentence = SENTENCE.matcher(text);
        while (sentence.find()) {
            String ipa = run("espeak-ng", "--ipa", "-q", "-v", espeakVoice, sentence.group());
            String phonemes = Normalizer.normalize(LANGUAGE_SWITCH.matcher(ipa).replaceAll("")
                    .replaceAll("\\s+", " ").strip(), Normalizer.Form.NFD) + terminator(sentence.group(1));
            List<Integer> ids = new ArrayList<>(List.of(PiperStandInModel.BOS_ID, PiperStandInModel.PAD_ID));
            phonemes.codePoints().mapToObj(Character::toString)
                    .filter(PiperStandInModel.PHONEME_ID_MAP::containsKey)
                    .forEach(phoneme -> {
                        ids.add(PiperStandInModel.PHONEME_ID_MAP.get(phoneme));
                        ids.add(PiperStandInModel.PAD_ID);
                    });
            ids.add(PiperStandInModel.EOS_ID);
            sentences.add(ids);
        }
        return sentences;
    }

    private static String terminator(String punctuation) {
        return switch (punctuation) {
            case "?" -> "?";
            case "!" -> "!";
            case "." -> ".";
            default -> "";
        };
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (apt-get install espeak-ng): "
                    + output);
        }
        return output;
    }
}
