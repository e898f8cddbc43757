package org.npad.model;

/**
 * One row of the model file's array table.
 *
 * @param name     e.g. "module_a.precision"
 * @param dtype    element type once loaded ("float32")
 * @param shape    shape once loaded; packed encodings store less
 * @param encoding how the values lie in the file
 * @param offset   first byte, counted from the start of the array data ({@link ModelInfo#dataStart()})
 * @param length   bytes in the file
 * @param crc32c   CRC32C of those bytes
 */
public record StoredArray(String name, String dtype, long[] shape, Encoding encoding, long offset, long length, int crc32c) {

	StoredArray withCrc(int crc) {
		return new StoredArray(name, dtype, shape, encoding, offset, length, crc);
	}
}
