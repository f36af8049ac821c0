package dev.mynah.nativelibs.onnx;

import java.util.Arrays;

/**
 * A dense tensor going into or coming out of an {@link OnnxSession}: its shape and its elements, row-major.
 * The shape is copied; the data array is not (an {@link OnnxSession} copies it when it runs), and like any
 * record holding an array, two tensors are equal only when they hold the same array.
 */
public sealed interface Tensor permits Tensor.Floats, Tensor.Longs {

    long[] shape();

    /** The number of elements, checked against the shape on construction. */
    int size();

    static Floats floats(float[] data, long... shape) {
        return new Floats(shape, data);
    }

    static Longs longs(long[] data, long... shape) {
        return new Longs(shape, data);
    }

    /** 32-bit floats (ONNX {@code tensor(float)}). */
    record Floats(long[] shape, float[] data) implements Tensor {
        public Floats {
            shape = checkedShape(shape, data.length);
        }

        @Override
        public int size() {
            return data.length;
        }

        @Override
        public String toString() {
            return "float" + Arrays.toString(shape);
        }
    }

    /** 64-bit integers (ONNX {@code tensor(int64)}). */
    record Longs(long[] shape, long[] data) implements Tensor {
        public Longs {
            shape = checkedShape(shape, data.length);
        }

        @Override
        public int size() {
            return data.length;
        }

        @Override
        public String toString() {
            return "int64" + Arrays.toString(shape);
        }
    }

    private static long[] checkedShape(long[] shape, int elements) {
        long product = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("tensor dimensions must not be negative: " + Arrays.toString(shape));
            }
            product = Math.multiplyExact(product, dimension);
        }
        if (product != elements) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " holds " + product
                    + " elements, not " + elements);
        }
        return shape.clone();
    }
}
