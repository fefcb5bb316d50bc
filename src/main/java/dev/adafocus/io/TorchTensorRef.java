package dev.adafocus.io;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor as a checkpoint pickles it: a view (offset, sizes, strides in elements) into a storage. Nothing is read
 * until {@link #materialize} copies the view into a contiguous {@link HostTensor}, so tensors a caller does not
 * want (optimizer state) cost nothing.
 */
record TorchTensorRef(TorchStorage storage, long offset, long[] size, long[] stride) {

  /** Copies the viewed elements, row-major; {@code name} and {@code file} only label errors. */
  HostTensor materialize(String name, Object file) {
    int elem = storage.dtype().bytes();
    if (size.length != stride.length) {
      throw bad(name, file, "has " + size.length + " sizes but " + stride.length + " strides");
    }
    long last = offset;
    long numel = 1;
    try {
      for (int d = 0; d < size.length; d++) {
        if (size[d] < 0 || stride[d] < 0) {
          throw bad(name, file, "has a negative size or stride");
        }
        last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
        numel = Math.multiplyExact(numel, size[d]);
      }
      Math.toIntExact(Math.multiplyExact(numel, elem));
    } catch (ArithmeticException e) {
      throw bad(name, file, "is larger than 2 GiB or has a corrupt shape " + Arrays.toString(size));
    }
    if (numel > 0 && (offset < 0 || last >= storage.numel())) {
      throw bad(name, file, "views elements " + offset + ".." + last + " of storage '" + storage.key() + "' which has "
          + storage.numel() + " elements");
    }
    ByteBuffer dst = ByteBuffer.allocate(Math.toIntExact(numel * elem)).order(ByteOrder.LITTLE_ENDIAN);
    if (numel > 0) {
      ByteBuffer src = storage.data();
      if (isContiguous()) {
        dst.put(src.slice(Math.toIntExact(offset * elem), dst.capacity()));
      } else {
        copyStrided(src, dst, elem);
      }
    }
    dst.flip();
    return new HostTensor(storage.dtype(), size, dst);
  }

  private boolean isContiguous() {
    long expected = 1;
    for (int d = size.length - 1; d >= 0; d--) {
      if (size[d] != 1 && stride[d] != expected) {
        return false;
      }
      expected *= size[d];
    }
    return true;
  }

  private void copyStrided(ByteBuffer src, ByteBuffer dst, int elem) {
    long[] index = new long[size.length];
    byte[] one = new byte[elem];
    long numel = HostTensor.numel(size);
    for (long n = 0; n < numel; n++) {
      long pos = offset;
      for (int d = 0; d < size.length; d++) {
        pos += index[d] * stride[d];
      }
      src.get(Math.toIntExact(pos * elem), one);
      dst.put(one);
      for (int d = size.length - 1; d >= 0 && ++index[d] == size[d]; d--) {
        index[d] = 0;
      }
    }
  }

  private static CheckpointException bad(String name, Object file, String what) {
    return new CheckpointException(file + ": tensor '" + name + "' " + what + " (corrupt checkpoint?)");
  }

  @Override
  public String toString() {
    return "tensor " + storage.dtype() + Arrays.toString(size);
  }
}
