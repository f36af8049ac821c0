package dev.mynah.nativelibs.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A persistent ggml CPU thread pool for one context. Without one, ggml starts and joins fresh threads for
 * every graph it computes, which costs real time on each generated token; llama-bench attaches one too.
 */
final class CpuThreadpool implements AutoCloseable {
    private static final int POLL = 50; // llama.cpp's default: spin briefly before sleeping between graphs

    private static MethodHandle threadpoolNew;
    private static MethodHandle threadpoolFree;

    private final MemorySegment handle;
    private boolean closed;

    private CpuThreadpool(MemorySegment handle) {
        this.handle = handle;
    }

    /** A pool of {@code threads} workers, or null when the CPU backend offers no thread pools. */
    static CpuThreadpool create(int threads) {
        try {
            if (!bind()) {
                return null;
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment params = arena.allocate(LlamaLayouts.THREADPOOL_PARAMS);
                LlamaNative.ggml_threadpool_params_init.invokeExact(params, threads);
                params.set(JAVA_INT, LlamaLayouts.offset(LlamaLayouts.THREADPOOL_PARAMS, "poll"), POLL);
                MemorySegment pool = (MemorySegment) threadpoolNew.invokeExact(params);
                return pool.equals(MemorySegment.NULL) ? null : new CpuThreadpool(pool);
            }
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
    }

    private static synchronized boolean bind() throws Throwable {
        if (threadpoolNew != null) {
            return true;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cpu = (MemorySegment) LlamaNative.ggml_backend_reg_by_name.invokeExact(
                    LlamaNative.cString(arena, "CPU"));
            if (cpu.equals(MemorySegment.NULL)) {
                return false;
            }
            MemorySegment newFn = (MemorySegment) LlamaNative.ggml_backend_reg_get_proc_address.invokeExact(cpu,
                    LlamaNative.cString(arena, "ggml_threadpool_new"));
            MemorySegment freeFn = (MemorySegment) LlamaNative.ggml_backend_reg_get_proc_address.invokeExact(cpu,
                    LlamaNative.cString(arena, "ggml_threadpool_free"));
            if (newFn.equals(MemorySegment.NULL) || freeFn.equals(MemorySegment.NULL)) {
                return false;
            }
            threadpoolFree = LlamaNative.downcall(freeFn, FunctionDescriptor.ofVoid(LlamaLayouts.C_POINTER));
            threadpoolNew = LlamaNative.downcall(newFn,
                    FunctionDescriptor.of(LlamaLayouts.C_POINTER, LlamaLayouts.C_POINTER));
            return true;
        }
    }

    MemorySegment handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                threadpoolFree.invokeExact(handle);
            } catch (Throwable t) {
                throw LlamaModel.rethrow(t);
            }
        }
    }
}
