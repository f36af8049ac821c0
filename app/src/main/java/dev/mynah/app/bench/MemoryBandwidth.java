package dev.mynah.app.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Measures how fast this machine streams memory into the CPU: several threads each scan their own part of a
 * buffer far larger than the caches with libc's SIMD {@code memchr} for a byte that is not there.
 */
public final class MemoryBandwidth {
    private static final long BUFFER_BYTES = 1L << 30;

    private MemoryBandwidth() {
    }

    /** Best read bandwidth in bytes per second over {@code rounds} scans with {@code threads} threads. */
    @SuppressWarnings("restricted")
    public static double measure(int threads, int rounds) throws Exception {
        Linker linker = Linker.nativeLinker();
        MethodHandle memchr = linker.downcallHandle(linker.defaultLookup().find("memchr").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG));
        try (Arena arena = Arena.ofShared()) {
            MemorySegment buffer = arena.allocate(BUFFER_BYTES, 4096);
            buffer.fill((byte) 1);
            long stripe = BUFFER_BYTES / threads;
            double best = 0;
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier start = new CyclicBarrier(threads + 1);
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    MemorySegment part = buffer.asSlice(t * stripe, stripe);
                    workers.add(Thread.ofPlatform().start(() -> {
                        try {
                            start.await();
                            MemorySegment found = (MemorySegment) memchr.invokeExact(part, 0, stripe);
                            if (!found.equals(MemorySegment.NULL)) {
                                throw new IllegalStateException("memchr found a byte that was never written");
                            }
                        } catch (Throwable e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                start.await();
                long began = System.nanoTime();
                for (Thread worker : workers) {
                    worker.join();
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                best = Math.max(best, stripe * threads / seconds);
            }
            return best;
        }
    }
}
