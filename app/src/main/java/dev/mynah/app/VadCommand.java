package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.nativelibs.sherpa.SileroVadModel;
import dev.mynah.nativelibs.sherpa.SpeechProbabilities;
import dev.mynah.nativelibs.sherpa.SpeechSegment;
import dev.mynah.nativelibs.sherpa.VadOptions;
import dev.mynah.nativelibs.sherpa.VoiceActivityDetector;
import dev.mynah.voice.audio.WavReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mynah vad FILE.wav}: where the speech is, found by Silero VAD. */
@Command(name = "vad", mixinStandardHelpOptions = true,
        description = "Print the speech segments of a WAV file (any common WAV; resampled to 16 kHz mono), found by "
                + "Silero VAD through sherpa-onnx; with --frames, also Silero's speech probability for every 32 ms "
                + "frame, computed on sherpa-onnx's onnxruntime.")
final class VadCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.wav", description = "The audio to analyse.")
    Path file;

    @Option(names = "--threshold", description = "Speech probability threshold (default: ${DEFAULT-VALUE}).")
    float threshold = VadOptions.defaults().threshold();

    @Option(names = "--min-speech",
            description = "Speech shorter than this many seconds is ignored (default: ${DEFAULT-VALUE}).")
    double minSpeech = VadOptions.defaults().minSpeechSeconds();

    @Option(names = "--min-silence",
            description = "Seconds of silence that end a segment (default: ${DEFAULT-VALUE}).")
    double minSilence = VadOptions.defaults().minSilenceSeconds();

    @Option(names = "--padding", description = "Seconds added before and after each segment (default: ${DEFAULT-VALUE}).")
    double padding = VadOptions.defaults().paddingSeconds();

    @Option(names = "--json", description = "Print one JSON object with a segments array of start and end in seconds "
            + "(and, with --frames, a frames array of start and probability).")
    boolean json;

    @Option(names = "--frames", description = "Also print Silero's speech probability for every 32 ms frame.")
    boolean frames;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        float[] speech = WavReader.readSpeech(file);
        VadOptions options = VadOptions.defaults().withThreshold(threshold).withMinSpeechSeconds(minSpeech)
                .withMinSilenceSeconds(minSilence).withPaddingSeconds(padding);
        List<SpeechSegment> segments;
        try (VoiceActivityDetector vad = VoiceActivityDetector.open(SileroVadModel.fetch(), options)) {
            segments = vad.segments(speech);
        }
        float[] probabilities = new float[0];
        if (frames) {
            try (SpeechProbabilities scorer = SpeechProbabilities.open(SileroVadModel.fetch())) {
                probabilities = scorer.of(speech);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            ArrayNode array = root.putArray("segments");
            segments.forEach(s -> array.addObject().put("start", round(s.startSeconds())).put("end", round(s.endSeconds())));
            if (frames) {
                ArrayNode frameArray = root.putArray("frames");
                for (int i = 0; i < probabilities.length; i++) {
                    frameArray.addObject().put("start", round(i * SpeechProbabilities.FRAME_SECONDS))
                            .put("probability", round(probabilities[i]));
                }
            }
            out.println(mapper.writeValueAsString(root));
        } else {
            for (int i = 0; i < probabilities.length; i++) {
                out.printf(Locale.ROOT, "frame %8.3f  %.3f%n", i * SpeechProbabilities.FRAME_SECONDS, probabilities[i]);
            }
            segments.forEach(s -> out.printf(Locale.ROOT, "%8.3f  %8.3f  (%.3f s)%n", s.startSeconds(), s.endSeconds(),
                    s.durationSeconds()));
            out.printf(Locale.ROOT, "%d speech segment(s) in %.2f s of audio%n", segments.size(),
                    speech.length / (double) WavReader.SPEECH_RATE);
        }
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
