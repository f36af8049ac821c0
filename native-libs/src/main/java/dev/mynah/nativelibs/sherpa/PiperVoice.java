package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.supply.PackageFetchException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.mynah.nativelibs.sherpa.SherpaTtsLayouts.TTS_CONFIG;
import static dev.mynah.nativelibs.sherpa.SherpaTtsLayouts.modelOffset;
import static dev.mynah.nativelibs.sherpa.SherpaTtsLayouts.offset;
import static dev.mynah.nativelibs.sherpa.SherpaTtsLayouts.vitsOffset;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A Piper voice speaking through sherpa-onnx: text to espeak-ng phonemes to ids to the VITS model to float PCM,
 * streamed to a listener in chunks of at most a tenth of a second. VITS makes a sentence's audio in one
 * inference, which sherpa-onnx's C API cannot interrupt, so a long sentence is cut into clauses by
 * {@link ClauseChunker} and each is synthesized on its own: a cancel stops delivery before the next chunk and the
 * engine after the current sentence or clause. sherpa-onnx initialises espeak-ng once per process, with the data
 * directory of the first voice opened, and every later voice phonemizes with that one: it must stay in place while
 * the process speaks. Synthesis runs one text at a time; {@link #cancel} may come from any thread. Owns its native
 * engine (and, for a Piper pair, the converted files) until {@link #close}.
 */
public final class PiperVoice implements AutoCloseable {
    /**
     * The most audio one chunk holds. A player's listener blocks while the speaker's buffer is full, so after a
     * cancel at most this much more audio reaches the buffer: short enough for a barge-in to sound immediate, long
     * enough that the call per chunk costs nothing measurable.
     */
    private static final double CHUNK_SECONDS = 0.1;
    private static final System.Logger LOG = System.getLogger("dev.mynah.sherpa-onnx");
    private static final MethodHandle ON_AUDIO;
    /** The espeak-ng data directory sherpa-onnx initialised espeak-ng with; guarded by PiperVoice.class. */
    private static Path espeakDataInUse;

    static {
        try {
            ON_AUDIO = MethodHandles.lookup().findVirtual(Synthesis.class, "onAudio",
                    MethodType.methodType(int.class, MemorySegment.class, int.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PiperVoiceFiles files;
    private final MemorySegment tts;
    private final int sampleRate;
    private final int numSpeakers;
    private final int chunkSamples;
    /** The synthesis in progress, which {@link #cancel} stops; null between syntheses. */
    private volatile Synthesis running;
    private boolean closed;

    private PiperVoice(PiperVoiceFiles files) {
        this.files = files;
        try {
            synchronized (PiperVoice.class) {
                Path espeakData = files.espeakData().toRealPath();
                requireEspeakDataInUseStillThere(espeakData);
                this.tts = createEngine(files, espeakData);
                if (espeakDataInUse == null) {
                    espeakDataInUse = espeakData;
                } else if (!espeakDataInUse.equals(espeakData)) {
                    LOG.log(System.Logger.Level.WARNING, "Piper voice " + files.model() + " brings espeak-ng data "
                            + espeakData + ", but sherpa-onnx keeps using " + espeakDataInUse + " in this process");
                }
            }
            this.sampleRate = (int) SherpaTtsNative.sampleRate.invokeExact(tts);
            this.numSpeakers = Math.max(1, (int) SherpaTtsNative.numSpeakers.invokeExact(tts));
            this.chunkSamples = Math.max(1, (int) Math.round(sampleRate * CHUNK_SECONDS));
        } catch (RuntimeException | Error e) {
            files.deleteWorkDir();
            throw e;
        } catch (Throwable t) {
            files.deleteWorkDir();
            throw new IllegalStateException(t);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "Piper voice " + files.model() + ": " + sampleRate + " Hz, "
                + numSpeakers + " speaker(s), espeak-ng voice " + files.espeakVoice());
    }

    private static MemorySegment createEngine(PiperVoiceFiles files, Path espeakData) throws Throwable {
        try (Arena config = Arena.ofConfined()) {
            MemorySegment ttsConfig = config.allocate(TTS_CONFIG);
            ttsConfig.set(ADDRESS, vitsOffset("model"), path(config, files.model()));
            ttsConfig.set(ADDRESS, vitsOffset("tokens"), path(config, files.tokens()));
            ttsConfig.set(ADDRESS, vitsOffset("data_dir"), path(config, espeakData));
            ttsConfig.set(JAVA_FLOAT, vitsOffset("noise_scale"), files.noiseScale());
            ttsConfig.set(JAVA_FLOAT, vitsOffset("noise_scale_w"), files.noiseW());
            ttsConfig.set(JAVA_FLOAT, vitsOffset("length_scale"), files.lengthScale());
            ttsConfig.set(JAVA_INT, modelOffset("num_threads"), Math.min(4, Runtime.getRuntime().availableProcessors()));
            ttsConfig.set(ADDRESS, modelOffset("provider"), config.allocateFrom("cpu"));
            // One sentence per model call, so that each sentence reaches the listener as soon as it is synthesized.
            ttsConfig.set(JAVA_INT, offset(TTS_CONFIG, "max_num_sentences"), 1);
            // 1 leaves the model's pauses as they are (sherpa-onnx would otherwise rescale silent stretches).
            ttsConfig.set(JAVA_FLOAT, offset(TTS_CONFIG, "silence_scale"), 1.0f);
            MemorySegment created = (MemorySegment) SherpaTtsNative.create.invokeExact(ttsConfig);
            if (created.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("sherpa-onnx refused the Piper voice " + files.model()
                        + "; its log on stderr says why");
            }
            return created;
        }
    }

    /**
     * A voice in sherpa-onnx's converted layout: {@code dir} holding model.onnx (with sherpa-onnx's metadata),
     * tokens.txt and espeak-ng-data, all checked in Java first; sherpa-onnx is loaded (fetched on first use).
     */
    public static PiperVoice openSherpaLayout(Path dir) throws InvalidModelFileException, PackageFetchException {
        Objects.requireNonNull(dir, "dir");
        PiperVoiceFiles files = PiperVoiceFiles.fromSherpaLayout(dir);
        SherpaOnnxLibrary.load();
        return new PiperVoice(files);
    }

    /**
     * A voice as Piper publishes it, {@code onnxFile} with {@code onnxFile}.json beside it, phonemized with the
     * espeak-ng data in {@code espeakNgData}. The model is copied, with the metadata sherpa-onnx needs added, and
     * tokens.txt is written from the phoneme_id_map, into a temporary directory removed on {@link #close}.
     */
    public static PiperVoice openPiper(Path onnxFile, Path espeakNgData)
            throws InvalidModelFileException, PackageFetchException, IOException {
        Objects.requireNonNull(onnxFile, "onnxFile");
        Objects.requireNonNull(espeakNgData, "espeakNgData");
        SherpaOnnxLibrary.load();
        Path tempRoot = Path.of(System.getProperty("java.io.tmpdir"));
        return new PiperVoice(PiperVoiceFiles.fromPiperPair(onnxFile, espeakNgData, tempRoot));
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** How many speakers the voice has (1 for most Piper voices); valid speaker ids are 0 to this minus 1. */
    public int numSpeakers() {
        return numSpeakers;
    }

    /** The most samples one chunk holds: a tenth of a second of audio. */
    public int maxChunkSamples() {
        return chunkSamples;
    }

    /**
     * Speaks {@code text}, handing its PCM to {@code listener} in chunks of at most {@link #maxChunkSamples} as each
     * sentence (or, in a long sentence, each clause) is synthesized. Returns true when the whole text was spoken,
     * false when the listener or {@link #cancel} stopped it early: no chunk follows the one during which it
     * stopped. An exception thrown by the listener stops synthesis and is rethrown here.
     */
    public synchronized boolean synthesize(String text, SynthesisOptions options, AudioChunkListener listener) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        requireOpen();
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text contains a NUL character");
        }
        if (options.speakerId() >= numSpeakers) {
            throw new IllegalArgumentException("speaker id " + options.speakerId() + " is out of range: this voice"
                    + " has " + numSpeakers + " speaker(s), ids 0 to " + (numSpeakers - 1));
        }
        synchronized (PiperVoice.class) {
            requireEspeakDataInUseStillThere(null);
        }
        if (text.isBlank()) {
            return true;
        }
        Synthesis synthesis = new Synthesis(listener);
        running = synthesis;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment callback = Linker.nativeLinker().upcallStub(ON_AUDIO.bindTo(synthesis),
                    SherpaTtsNative.AUDIO_CALLBACK, call);
            for (String piece : ClauseChunker.pieces(text)) {
                if (synthesis.stopped) {
                    break;
                }
                MemorySegment audio = (MemorySegment) SherpaTtsNative.generateWithCallback.invokeExact(tts,
                        call.allocateFrom(piece, StandardCharsets.UTF_8), options.speakerId(), options.speed(),
                        callback, MemorySegment.NULL);
                if (!audio.equals(MemorySegment.NULL)) {
                    SherpaTtsNative.destroyGeneratedAudio.invokeExact(audio);
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            running = null;
        }
        if (synthesis.failure instanceof RuntimeException e) {
            throw e;
        }
        if (synthesis.failure instanceof Error e) {
            throw e;
        }
        if (synthesis.failure != null) {
            throw new IllegalStateException("the audio listener failed", synthesis.failure);
        }
        return !synthesis.stopped;
    }

    /** Speaks {@code text} and returns all of its PCM at once. */
    public float[] synthesize(String text, SynthesisOptions options) {
        List<float[]> chunks = new ArrayList<>();
        synthesize(text, options, chunks::add);
        float[] all = new float[chunks.stream().mapToInt(chunk -> chunk.length).sum()];
        int position = 0;
        for (float[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, position, chunk.length);
            position += chunk.length;
        }
        return all;
    }

    /**
     * Stops the synthesis in progress, if any, from any thread: no chunk is delivered after the one being delivered
     * now, and the engine stops after the sentence or clause it is synthesizing. Takes no effect on a synthesis
     * started later.
     */
    public void cancel() {
        Synthesis synthesis = running;
        if (synthesis != null) {
            synthesis.stopped = true;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            SherpaTtsNative.destroy.invokeExact(tts);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            files.deleteWorkDir();
        }
    }

    /** espeak-ng reads voices and dictionaries from its data directory long after it was initialised. */
    private static void requireEspeakDataInUseStillThere(Path requested) {
        if (espeakDataInUse != null && !Files.isRegularFile(espeakDataInUse.resolve("phontab"))) {
            throw new IllegalStateException("the espeak-ng data directory " + espeakDataInUse + ", which sherpa-onnx"
                    + " loaded for the first Piper voice of this process, is gone"
                    + (requested == null ? "" : " (this voice brings " + requested + ")")
                    + "; sherpa-onnx cannot switch to another: restart the application");
        }
    }

    /** The directory of files converted for this voice (a Piper pair), or null. */
    Path convertedFilesDir() {
        return files.workDir();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this Piper voice is closed");
        }
    }

    private static MemorySegment path(Arena arena, Path path) {
        return arena.allocateFrom(path.toAbsolutePath().toString(), StandardCharsets.UTF_8);
    }

    /**
     * One call of {@link #synthesize}: the upcall sherpa-onnx makes per sentence, which cuts the sentence into
     * chunks. It must never throw, so failures are kept for the caller.
     */
    private final class Synthesis {
        private final AudioChunkListener listener;
        /** Set by the listener's false, its exception or {@link #cancel} (from any thread). */
        private volatile boolean stopped;
        private Throwable failure;

        Synthesis(AudioChunkListener listener) {
            this.listener = listener;
        }

        @SuppressWarnings("restricted")
        int onAudio(MemorySegment samples, int count, MemorySegment unusedArg) {
            try {
                MemorySegment sentence = samples.reinterpret(count * JAVA_FLOAT.byteSize());
                for (int from = 0; from < count && !stopped; from += chunkSamples) {
                    int length = Math.min(chunkSamples, count - from);
                    float[] chunk = sentence.asSlice(from * JAVA_FLOAT.byteSize(), length * JAVA_FLOAT.byteSize())
                            .toArray(JAVA_FLOAT);
                    if (!listener.onChunk(chunk)) {
                        stopped = true;
                    }
                }
            } catch (Throwable t) {
                failure = t;
                stopped = true;
            }
            return stopped ? 0 : 1;
        }
    }
}
