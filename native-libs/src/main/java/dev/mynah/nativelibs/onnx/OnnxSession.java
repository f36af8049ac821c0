package dev.mynah.nativelibs.onnx;

import dev.mynah.nativelibs.CInterop;
import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.supply.PackageFetchException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One ONNX model loaded into onnxruntime, run on the CPU with a fixed number of threads. {@link #run} copies
 * inputs in and outputs out, so no native memory escapes. Safe to share between threads (calls are
 * serialised); owns its native session until {@link #close}.
 */
public final class OnnxSession implements AutoCloseable {
    private static final MemorySegment NO_RUN_OPTIONS = MemorySegment.NULL;

    private final OnnxRuntime runtime;
    private final OrtApiTable api;
    private final String model;
    private final MemorySegment session;
    private final List<String> inputNames;
    private final List<String> outputNames;
    /** The names as the C arrays {@code Run} takes, made once: a session may run 30 times a second. */
    private final Arena namesArena = Arena.ofShared();
    private final MemorySegment inputNameArray;
    private final MemorySegment outputNameArray;
    private final String runDoing;
    private boolean closed;

    private OnnxSession(OnnxRuntime runtime, String model, MemorySegment session) {
        this.runtime = runtime;
        this.api = runtime.api;
        this.model = model;
        this.session = session;
        this.inputNames = names(api.sessionGetInputCount, api.sessionGetInputName);
        this.outputNames = names(api.sessionGetOutputCount, api.sessionGetOutputName);
        this.inputNameArray = cStrings(inputNames);
        this.outputNameArray = cStrings(outputNames);
        this.runDoing = "run " + model;
    }

    private MemorySegment cStrings(List<String> strings) {
        MemorySegment array = namesArena.allocate(ADDRESS, Math.max(1, strings.size()));
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ADDRESS, i, namesArena.allocateFrom(strings.get(i)));
        }
        return array;
    }

    /**
     * Loads {@code model} with {@code threads} intra-op threads. A file onnxruntime cannot load is reported as
     * an {@link InvalidModelFileException} carrying onnxruntime's reason.
     */
    public static OnnxSession open(Path model, int threads) throws InvalidModelFileException, PackageFetchException {
        Objects.requireNonNull(model, "model");
        if (!Files.isRegularFile(model)) {
            throw new InvalidModelFileException(model, "there is no such file");
        }
        try {
            return open(model.toString(), threads, (runtime, arena, options, out) ->
                    (MemorySegment) runtime.api.createSession.invokeExact(runtime.env,
                            arena.allocateFrom(model.toAbsolutePath().toString(), StandardCharsets.UTF_8), options,
                            out));
        } catch (OnnxRuntimeException e) {
            throw loadFailure(model, e);
        }
    }

    /**
     * Loads a model held in memory (a classpath resource, say), called {@code name} in messages. Bytes
     * onnxruntime cannot load are reported as an {@link OnnxRuntimeException}.
     */
    public static OnnxSession open(byte[] model, String name, int threads) throws PackageFetchException {
        Objects.requireNonNull(model, "model");
        return open(name, threads, (runtime, arena, options, out) -> {
            MemorySegment bytes = arena.allocate(Math.max(1, model.length));
            MemorySegment.copy(model, 0, bytes, JAVA_BYTE, 0, model.length);
            return (MemorySegment) runtime.api.createSessionFromArray.invokeExact(runtime.env, bytes,
                    (long) model.length, options, out);
        });
    }

    /** One of onnxruntime's CreateSession functions: writes the session to {@code out}, returns an OrtStatus*. */
    private interface SessionFactory {
        MemorySegment create(OnnxRuntime runtime, Arena arena, MemorySegment options, MemorySegment out)
                throws Throwable;
    }

    private static OnnxSession open(String name, int threads, SessionFactory factory) throws PackageFetchException {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be within [1, 64], not " + threads);
        }
        OnnxRuntime runtime = OnnxRuntime.load();
        OrtApiTable api = runtime.api;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            runtime.check((MemorySegment) api.createSessionOptions.invokeExact(out), "create session options");
            MemorySegment options = out.get(ADDRESS, 0);
            try {
                runtime.check((MemorySegment) api.setIntraOpNumThreads.invokeExact(options, threads),
                        "set intra-op threads");
                runtime.check((MemorySegment) api.setInterOpNumThreads.invokeExact(options, 1), "set inter-op threads");
                runtime.check((MemorySegment) api.setSessionGraphOptimizationLevel.invokeExact(options,
                        OrtApiTable.OPTIMIZE_ALL), "set the optimisation level");
                runtime.check(factory.create(runtime, arena, options, out), "load " + name);
                MemorySegment session = out.get(ADDRESS, 0);
                try {
                    return new OnnxSession(runtime, name, session);
                } catch (RuntimeException e) {
                    OnnxRuntime.release(api.releaseSession, session);
                    throw e;
                }
            } finally {
                OnnxRuntime.release(api.releaseSessionOptions, options);
            }
        } catch (Throwable t) {
            throw OnnxRuntime.propagate(t);
        }
    }

    private static InvalidModelFileException loadFailure(Path model, OnnxRuntimeException cause) {
        String advice = switch (cause.errorCode()) {
            case OnnxRuntimeException.NOT_IMPLEMENTED -> "it needs a newer onnxruntime than the one sherpa-onnx "
                    + "ships; use a model exported for an older ONNX opset";
            case OnnxRuntimeException.NO_SUCH_FILE, OnnxRuntimeException.INVALID_PROTOBUF,
                 OnnxRuntimeException.INVALID_GRAPH -> "the file is damaged or not an ONNX model; download it again";
            default -> "check that it is the model Mynah asked for";
        };
        InvalidModelFileException failure = new InvalidModelFileException(model, "onnxruntime cannot load it ("
                + cause.onnxruntimeMessage() + "); " + advice);
        failure.initCause(cause);
        return failure;
    }

    /** The model's input names, in the model's order. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** The model's output names, in the model's order. */
    public List<String> outputNames() {
        return outputNames;
    }

    /**
     * Runs the model once on {@code inputs} (one tensor for each of {@link #inputNames()}) and returns every
     * output, in {@link #outputNames()} order. Outputs must be float or int64 tensors.
     */
    public synchronized Map<String, Tensor> run(Map<String, Tensor> inputs) {
        requireOpen();
        if (!inputs.keySet().equals(Set.copyOf(inputNames))) {
            throw new IllegalArgumentException(model + " takes the inputs " + inputNames + ", not "
                    + inputs.keySet());
        }
        try (Arena arena = Arena.ofConfined()) {
            int inputCount = inputNames.size();
            int outputCount = outputNames.size();
            MemorySegment inValues = arena.allocate(ADDRESS, Math.max(1, inputCount));
            MemorySegment outValues = arena.allocate(ADDRESS, Math.max(1, outputCount));
            try {
                for (int i = 0; i < inputCount; i++) {
                    String name = inputNames.get(i);
                    inValues.setAtIndex(ADDRESS, i, value(arena, name, inputs.get(name)));
                }
                runtime.check((MemorySegment) api.run.invokeExact(session, NO_RUN_OPTIONS, inputNameArray, inValues,
                        (long) inputCount, outputNameArray, (long) outputCount, outValues), runDoing);
                Map<String, Tensor> outputs = new LinkedHashMap<>();
                for (int i = 0; i < outputCount; i++) {
                    outputs.put(outputNames.get(i), read(arena, outputNames.get(i), outValues.getAtIndex(ADDRESS, i)));
                }
                return outputs;
            } finally {
                for (int i = 0; i < inputCount; i++) {
                    OnnxRuntime.release(api.releaseValue, inValues.getAtIndex(ADDRESS, i));
                }
                for (int i = 0; i < outputCount; i++) {
                    OnnxRuntime.release(api.releaseValue, outValues.getAtIndex(ADDRESS, i));
                }
            }
        } catch (Throwable t) {
            throw OnnxRuntime.propagate(t);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            OnnxRuntime.release(api.releaseSession, session);
            namesArena.close();
        }
    }

    /** An OrtValue over a copy of {@code tensor} in {@code arena}; the arena must outlive the value. */
    private MemorySegment value(Arena arena, String name, Tensor tensor) throws Throwable {
        MemorySegment data;
        int elementType;
        switch (tensor) {
            case Tensor.Floats floats -> {
                data = arena.allocate(JAVA_FLOAT, Math.max(1, floats.size()));
                MemorySegment.copy(floats.data(), 0, data, JAVA_FLOAT, 0, floats.size());
                elementType = OrtApiTable.ELEMENT_FLOAT;
            }
            case Tensor.Longs longs -> {
                data = arena.allocate(JAVA_LONG, Math.max(1, longs.size()));
                MemorySegment.copy(longs.data(), 0, data, JAVA_LONG, 0, longs.size());
                elementType = OrtApiTable.ELEMENT_INT64;
            }
        }
        long[] shape = tensor.shape();
        MemorySegment dims = arena.allocate(JAVA_LONG, Math.max(1, shape.length));
        MemorySegment.copy(shape, 0, dims, JAVA_LONG, 0, shape.length);
        long bytes = (long) tensor.size() * (elementType == OrtApiTable.ELEMENT_FLOAT ? 4 : 8);
        MemorySegment out = arena.allocate(ADDRESS);
        runtime.check((MemorySegment) api.createTensorWithDataAsOrtValue.invokeExact(runtime.cpuMemory, data, bytes,
                dims, (long) shape.length, elementType, out), () -> "take the input " + name + " " + tensor);
        return out.get(ADDRESS, 0);
    }

    @SuppressWarnings("restricted")
    private Tensor read(Arena arena, String name, MemorySegment value) throws Throwable {
        MemorySegment out = arena.allocate(ADDRESS);
        runtime.check((MemorySegment) api.getTensorTypeAndShape.invokeExact(value, out), () -> "describe " + name);
        MemorySegment info = out.get(ADDRESS, 0);
        long[] shape;
        int elementType;
        try {
            MemorySegment count = arena.allocate(JAVA_LONG);
            runtime.check((MemorySegment) api.getDimensionsCount.invokeExact(info, count), () -> "describe " + name);
            int rank = Math.toIntExact(count.get(JAVA_LONG, 0));
            MemorySegment dims = arena.allocate(JAVA_LONG, Math.max(1, rank));
            runtime.check((MemorySegment) api.getDimensions.invokeExact(info, dims, (long) rank),
                    () -> "describe " + name);
            shape = dims.asSlice(0, rank * JAVA_LONG.byteSize()).toArray(JAVA_LONG);
            MemorySegment type = arena.allocate(JAVA_INT);
            runtime.check((MemorySegment) api.getTensorElementType.invokeExact(info, type), () -> "describe " + name);
            elementType = type.get(JAVA_INT, 0);
        } finally {
            OnnxRuntime.release(api.releaseTensorTypeAndShapeInfo, info);
        }
        long elements = 1;
        for (long dimension : shape) {
            elements = Math.multiplyExact(elements, dimension);
        }
        if (elementType != OrtApiTable.ELEMENT_FLOAT && elementType != OrtApiTable.ELEMENT_INT64) {
            throw new UnsupportedOperationException("output " + name + " of " + model
                    + " has ONNX element type " + elementType + "; Mynah reads float and int64 outputs only");
        }
        boolean floats = elementType == OrtApiTable.ELEMENT_FLOAT;
        if (elements == 0) {
            return floats ? Tensor.floats(new float[0], shape) : Tensor.longs(new long[0], shape);
        }
        runtime.check((MemorySegment) api.getTensorMutableData.invokeExact(value, out), () -> "read " + name);
        MemorySegment data = out.get(ADDRESS, 0);
        return floats
                ? Tensor.floats(data.reinterpret(elements * JAVA_FLOAT.byteSize()).toArray(JAVA_FLOAT), shape)
                : Tensor.longs(data.reinterpret(elements * JAVA_LONG.byteSize()).toArray(JAVA_LONG), shape);
    }

    private List<String> names(MethodHandle count, MethodHandle name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment countOut = arena.allocate(JAVA_LONG);
            runtime.check((MemorySegment) count.invokeExact(session, countOut), "list the model's names");
            long n = countOut.get(JAVA_LONG, 0);
            List<String> names = new ArrayList<>();
            MemorySegment nameOut = arena.allocate(ADDRESS);
            for (long i = 0; i < n; i++) {
                runtime.check((MemorySegment) name.invokeExact(session, i, runtime.defaultAllocator, nameOut),
                        "list the model's names");
                MemorySegment text = nameOut.get(ADDRESS, 0);
                names.add(CInterop.string(text));
                runtime.check((MemorySegment) api.allocatorFree.invokeExact(runtime.defaultAllocator, text),
                        "free a name");
            }
            return List.copyOf(names);
        } catch (Throwable t) {
            throw OnnxRuntime.propagate(t);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the ONNX session for " + model + " is closed");
        }
    }
}
