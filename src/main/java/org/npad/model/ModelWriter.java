package org.npad.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import org.npad.method.NpadModel;
import org.npad.method.PositionGaussians;
import org.npad.method.Precisions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * Writes one model file (layout in {@link ModelFile}). The header comes before the arrays but holds
 * their checksums, which are known only once the arrays are written: the header is written first
 * with zero checksums and then overwritten in place; its fixed-width hex checksums keep its length.
 * The whole-file checksum is then taken by reading the finished bytes back.
 */
final class ModelWriter {

	/**
	 * One array of the file.
	 *
	 * @param values float32 values of items from..to, a new array or a view
	 */
	private record Part(String name, long[] shape, Slices values, Encoding encoding) {
		Part(String name, NDArray array, Encoding encoding) {
			this(name, array.getShape().getShape(), (from, to) -> array.get(new NDIndex(from + ":" + to)), encoding);
		}
	}

	private interface Slices {
		NDArray get(int from, int to);
	}

	private final TrainedModel model;
	private final ModelFile.Storage storage;
	private final int chunkValues;

	ModelWriter(TrainedModel model, ModelFile.Storage storage, int chunkValues) {
		this.model = model;
		this.storage = storage;
		this.chunkValues = chunkValues;
	}

	void write(Path target) throws IOException {
		Path file = target.toAbsolutePath();
		try {
			writeAtomically(file);
		} catch (ClosedByInterruptException e) {
			throw ModelFile.cancelled("writing " + file, e);
		}
	}

	/** The file's arrays, their table, its header (checksums still zero) and its length, all known before writing. */
	private record Layout(List<Part> parts, List<StoredArray> table, byte[] header, long dataStart, long fileLength) {}

	private Layout layout() {
		List<Part> parts = parts();
		List<StoredArray> table = new ArrayList<>();
		long offset = 0;
		for (Part p : parts) {
			long[] shape = p.shape();
			long length = p.encoding().storedBytes(shape);
			table.add(new StoredArray(p.name(), "float32", shape, p.encoding(), offset, length, 0));
			offset += length;
		}
		byte[] header = header(table);
		long dataStart = ModelFile.PREAMBLE + header.length + ModelFile.CHECKSUM;
		return new Layout(parts, table, header, dataStart, dataStart + offset + ModelFile.CHECKSUM);
	}

	long fileLength() {
		return layout().fileLength();
	}

	private void writeAtomically(Path file) throws IOException {
		Layout layout = layout();
		List<Part> parts = layout.parts();
		List<StoredArray> table = layout.table();
		byte[] header = layout.header();
		long dataStart = layout.dataStart();
		long fileLength = layout.fileLength();
		requireSpace(file, fileLength, usableSpace(file.getParent()));

		Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
				writeFully(channel, preamble(fileLength, header.length), 0);
				for (int i = 0; i < parts.size(); i++) {
					table.set(i, table.get(i).withCrc(writeArray(channel, parts.get(i), dataStart + table.get(i).offset(), file)));
				}
				byte[] finalHeader = header(table);
				if (finalHeader.length != header.length) throw new IllegalStateException("the header changed length when its checksums were filled in");
				writeFully(channel, ByteBuffer.wrap(finalHeader), ModelFile.PREAMBLE);
				writeFully(channel, checksum(crc(channel, 0, dataStart - ModelFile.CHECKSUM)), dataStart - ModelFile.CHECKSUM);
				writeFully(channel, checksum(crc(channel, 0, fileLength - ModelFile.CHECKSUM)), fileLength - ModelFile.CHECKSUM);
				channel.force(true);
			}
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (Throwable e) {
			try {
				Files.deleteIfExists(temp);
			} catch (IOException deleteFailure) {
				e.addSuppressed(deleteFailure);
			}
			throw e;
		}
	}

	/**
	 * An accurate model is gigabytes: a full disk would otherwise fail minutes into the write. The
	 * temporary file is written beside an existing model, whose space is freed only by the final rename.
	 */
	static void requireSpace(Path file, long needed, long usable) throws ModelFileException {
		if (usable < needed)
			throw new ModelFileException(file, String.format(Locale.ROOT, "not enough disk space: the model needs %.2f GB, the disk has %.2f GB free;"
					+ " free some space or save it elsewhere (storage float16_packed halves the file)", needed / 1e9, usable / 1e9));
	}

	/** Free bytes where the file goes; unlimited where the file system cannot tell (the write then finds out). */
	private static long usableSpace(Path dir) {
		try {
			return Files.getFileStore(dir).getUsableSpace();
		} catch (IOException e) {
			return Long.MAX_VALUE;
		}
	}

	/** The arrays in file order; the parts of the model its settings do not use are absent. */
	private List<Part> parts() {
		NpadModel m = model.model();
		List<Part> parts = new ArrayList<>();
		addModule(parts, ModelFile.MODULE_A, m.moduleA());
		addModule(parts, ModelFile.MODULE_B, m.moduleB());
		if (m.bank() != null) parts.add(new Part(ModelFile.BANK, m.bank().centroids(), storage.vectors));
		if (m.patches() != null) parts.add(new Part(ModelFile.PATCHES, m.patches().vectors(), storage.vectors));
		return parts;
	}

	private void addModule(List<Part> parts, String module, PositionGaussians gaussians) {
		if (gaussians == null) return;
		parts.add(new Part(module + ModelFile.MEAN, gaussians.mean(), storage.vectors));
		Precisions precision = gaussians.precision();
		long[] shape = {precision.positions(), precision.channels(), precision.channels()};
		parts.add(new Part(module + ModelFile.PRECISION, shape, precision::matrices, storage.precision));
	}

	private byte[] header(List<StoredArray> table) {
		return HeaderJson.write(model, storage, table).getBytes(StandardCharsets.UTF_8);
	}

	private static ByteBuffer preamble(long fileLength, int headerLength) {
		ByteBuffer b = ByteBuffer.allocate(ModelFile.PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
		b.put(ModelFile.MAGIC).putInt(ModelFile.FORMAT_VERSION).putLong(fileLength).putInt(headerLength);
		return b.flip();
	}

	/** Streams one array in chunks of positions; returns the CRC32C of its bytes. */
	private int writeArray(FileChannel channel, Part part, long position, Path file) throws IOException {
		long[] shape = part.shape();
		int perItem = (int) Encoding.itemValues(shape);
		int itemsPerChunk = (int) Math.max(1, Math.min(shape[0], chunkValues / Math.max(1, perItem)));
		ByteBuffer buffer = ByteBuffer.allocateDirect(itemsPerChunk * part.encoding().storedItemBytes(shape)).order(ByteOrder.LITTLE_ENDIAN);
		CRC32C crc = new CRC32C();
		for (long from = 0; from < shape[0]; from += itemsPerChunk) {
			if (Thread.currentThread().isInterrupted()) throw ModelFile.cancelled("writing " + file, null);
			int items = (int) Math.min(itemsPerChunk, shape[0] - from);
			float[] values = values(part, (int) from, (int) from + items);
			buffer.clear();
			try {
				part.encoding().encode(values, items, shape, buffer);
			} catch (IllegalArgumentException e) {
				throw new ModelFileException(file, "cannot store array " + part.name() + " as " + storage.fileName()
						+ ": " + e.getMessage() + "; choose storage " + ModelFile.Storage.FLOAT32_PACKED.fileName());
			}
			buffer.flip();
			crc.update(buffer.duplicate());
			position += writeFully(channel, buffer, position);
		}
		return (int) crc.getValue();
	}

	private static float[] values(Part part, int from, int to) {
		try (NDScope scope = new NDScope()) {
			return part.values().get(from, to).toType(DataType.FLOAT32, false).toFloatArray();
		}
	}

	private static int writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		int written = 0;
		while (buffer.hasRemaining()) written += channel.write(buffer, position + written);
		return written;
	}

	private static ByteBuffer checksum(int crc) {
		return ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(crc).flip();
	}

	/** CRC32C of bytes [from, to) as they are in the file now. */
	private static int crc(FileChannel channel, long from, long to) throws IOException {
		CRC32C crc = new CRC32C();
		ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
		for (long at = from; at < to; ) {
			buffer.clear().limit((int) Math.min(buffer.capacity(), to - at));
			int n = channel.read(buffer, at);
			if (n < 0) throw new IOException("file ended at " + at + " while " + to + " bytes were expected");
			buffer.flip();
			crc.update(buffer);
			at += n;
		}
		return (int) crc.getValue();
	}
}
