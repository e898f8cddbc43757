package org.npad.model;

import ai.djl.ndarray.NDManager;
import org.npad.backbone.BackboneIdentity;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The model file (method.md section 6): versioned, self-describing, checksummed, written atomically.
 *
 * <p>Layout, all numbers little-endian:
 * <pre>
 *   0   9 bytes  "NPADMODEL"
 *   9   int32    format version
 *  13   int64    length of the whole file
 *  21   int32    header length H
 *  25   H bytes  header: UTF-8 JSON (settings, preprocessing, backbone, channels, shapes, thresholds,
 *                provenance, and the array table: name, dtype, shape, encoding, offset, length, CRC32C)
 *  25+H int32    CRC32C of bytes 0 .. 25+H (preamble and header)
 *  ...           the arrays, back to back, in table order
 *  L-4  int32    CRC32C of bytes 0 .. L-4 (the whole file before it)
 * </pre>
 * The length up front tells a truncated file from a corrupted one; the per-array checksums say which
 * array is damaged. Arrays stream through in chunks of positions: at d = 550 one precision array is
 * 3.8 GB, more than a Java array or buffer can hold.
 */
public final class ModelFile {

	/** Suggested file name extension. */
	public static final String EXTENSION = ".npad";
	public static final int FORMAT_VERSION = 1;

	static final byte[] MAGIC = "NPADMODEL".getBytes(StandardCharsets.US_ASCII);
	static final int PREAMBLE = MAGIC.length + Integer.BYTES + Long.BYTES + Integer.BYTES;
	static final int CHECKSUM = Integer.BYTES;
	/** Values per streamed chunk: 16 MB of float32 bounds the Java heap a transfer needs. */
	static final int CHUNK_VALUES = 1 << 22;

	static final String MODULE_A = "module_a";
	static final String MODULE_B = "module_b";
	static final String MEAN = ".mean";
	static final String PRECISION = ".precision";
	static final String BANK = "bank.centroids";
	static final String PATCHES = "patch_bank.vectors";

	/**
	 * How the arrays are stored. Precision matrices are symmetric, so the packed options keep only
	 * their upper triangle (half the size, nothing lost); float16 halves it again at a relative
	 * rounding error of at most 2^-11 per value (ModelStorageBenchmark measures what that does to
	 * the distances). Means and the bank are stored whole, in float16 only with FLOAT16_PACKED.
	 */
	public enum Storage {
		FLOAT32_FULL(Encoding.FLOAT32, Encoding.FLOAT32),
		FLOAT32_PACKED(Encoding.FLOAT32_UPPER, Encoding.FLOAT32),
		FLOAT16_PACKED(Encoding.FLOAT16_UPPER, Encoding.FLOAT16);

		final Encoding precision;
		final Encoding vectors;

		Storage(Encoding precision, Encoding vectors) {
			this.precision = precision;
			this.vectors = vectors;
		}

		public String fileName() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Storage fromFileName(String name) {
			for (Storage s : values()) {
				if (s.fileName().equalsIgnoreCase(name)) return s;
			}
			throw new IllegalArgumentException("unknown storage '" + name + "': use float32_full, float32_packed or float16_packed");
		}
	}

	private ModelFile() {
	}

	/** Writes with the default storage, {@link Storage#FLOAT32_PACKED}: lossless and half the size of full. */
	public static void write(TrainedModel model, Path file) throws IOException {
		write(model, file, Storage.FLOAT32_PACKED);
	}

	/**
	 * Writes atomically: into a temporary file beside the target, forced to disk, then renamed over
	 * it. On any failure, an interrupted thread included, the temporary file is deleted and an
	 * existing file at the target is left as it was.
	 *
	 * @throws java.io.InterruptedIOException when the thread is interrupted; its interrupt flag stays set
	 */
	public static void write(TrainedModel model, Path file, Storage storage) throws IOException {
		new ModelWriter(model, storage, CHUNK_VALUES).write(file);
	}

	/** The length in bytes of the file that {@link #write(TrainedModel, Path, Storage)} would write, without writing it. */
	public static long bytes(TrainedModel model, Storage storage) {
		return new ModelWriter(model, storage, CHUNK_VALUES).fileLength();
	}

	/**
	 * Reads a whole model; its arrays belong to the manager. Nothing is left in the manager when
	 * reading fails.
	 *
	 * @throws ModelFileException for a file that is not a model, of another format version, truncated or corrupted
	 * @throws java.io.InterruptedIOException when the thread is interrupted; its interrupt flag stays set
	 */
	public static TrainedModel read(Path file, NDManager manager) throws IOException {
		return new ModelReader(file, CHUNK_VALUES).read(manager, null);
	}

	/**
	 * Reads a whole model after checking, from the header alone, that it was trained with the given
	 * backbone, so that a mismatch is refused before the arrays are loaded.
	 */
	public static TrainedModel read(Path file, NDManager manager, BackboneIdentity backbone) throws IOException {
		return new ModelReader(file, CHUNK_VALUES).read(manager, backbone);
	}

	/** Reads and checks the preamble and header only: cheap at any model size. */
	public static ModelInfo readHeader(Path file) throws IOException {
		return new ModelReader(file, CHUNK_VALUES).readHeader();
	}

	/**
	 * One exception for a cancelled transfer, whether the interrupt was seen between chunks or
	 * closed the channel during one.
	 */
	static InterruptedIOException cancelled(String what, Throwable cause) {
		InterruptedIOException e = new InterruptedIOException(what + " was cancelled");
		e.initCause(cause);
		return e;
	}
}
