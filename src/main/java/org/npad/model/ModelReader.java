package org.npad.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.npad.backbone.BackboneIdentity;
import org.npad.method.CentroidBank;
import org.npad.method.PatchBank;
import org.npad.method.NpadModel;
import org.npad.method.PositionGaussians;
import org.npad.method.PrecisionFormat;
import org.npad.method.Precisions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads one model file (layout in {@link ModelFile}), checking in this order: that it is a model
 * file at all, its format version, that it is complete, the header checksum, the consistency of the
 * array table, then each array's checksum as it streams in and finally the whole-file checksum.
 */
final class ModelReader {

	private final Path file;
	private final int chunkValues;

	ModelReader(Path file, int chunkValues) {
		this.file = file.toAbsolutePath();
		this.chunkValues = chunkValues;
	}

	ModelInfo readHeader() throws IOException {
		try (FileChannel channel = open()) {
			return header(channel);
		}
	}

	/** A missing file is named as such: NoSuchFileException's message is the bare path. */
	private FileChannel open() throws IOException {
		try {
			return FileChannel.open(file, StandardOpenOption.READ);
		} catch (NoSuchFileException e) {
			throw new ModelFileException(file, "no such model file", e);
		}
	}

	/** @param backbone the backbone the model must have been trained with, or null to accept any */
	TrainedModel read(NDManager manager, BackboneIdentity backbone) throws IOException {
		try {
			return load(manager, backbone);
		} catch (ClosedByInterruptException e) {
			throw ModelFile.cancelled("reading " + file, e);
		}
	}

	private TrainedModel load(NDManager manager, BackboneIdentity backbone) throws IOException {
		try (FileChannel channel = open();
				NDManager loading = manager.newSubManager()) {
			ModelInfo info = header(channel);
			if (backbone != null) {
				try {
					TrainedModel.requireSameBackbone(info.backbone(), backbone);
				} catch (IllegalStateException e) {
					throw new ModelFileException(file, e.getMessage());
				}
			}
			CRC32C whole = new CRC32C();
			whole.update(bytes(channel, 0, (int) info.dataStart()));
			Map<String, NDArray> arrays = new HashMap<>();
			Map<String, Precisions> precisions = new HashMap<>();
			PrecisionFormat format = PrecisionFormat.selected();
			for (StoredArray a : info.arrays()) {
				long[] shape = a.shape();
				if (a.name().endsWith(ModelFile.PRECISION)) {
					Precisions p = format.allocate(loading, (int) shape[0], (int) shape[1]);
					precisions.put(a.name(), p);
					readArray(channel, info, a, whole, loading, p::set);
				} else {
					NDArray array = loading.create(new Shape(shape), DataType.FLOAT32);
					arrays.put(a.name(), array);
					readArray(channel, info, a, whole, loading, (from, chunk) -> array.set(new NDIndex(from + ":" + (from + chunk.getShape().get(0))), chunk));
				}
			}
			int trailer = bytes(channel, info.fileLength() - ModelFile.CHECKSUM, ModelFile.CHECKSUM).order(ByteOrder.LITTLE_ENDIAN).getInt();
			if (trailer != (int) whole.getValue()) {
				throw corrupted("checksum mismatch in the trailer (the header and every array check out, so the last "
						+ ModelFile.CHECKSUM + " bytes are damaged)");
			}
			arrays.values().forEach(a -> a.attach(manager));
			precisions.values().forEach(p -> p.attach(manager));
			NpadModel model = new NpadModel(info.config(), info.channels(), info.height(), info.width(), info.trainingCount(),
					module(arrays, precisions, ModelFile.MODULE_A), module(arrays, precisions, ModelFile.MODULE_B),
					arrays.containsKey(ModelFile.BANK) ? new CentroidBank(arrays.get(ModelFile.BANK)) : null,
					info.medianDistance(), arrays.containsKey(ModelFile.PATCHES) ? new PatchBank(arrays.get(ModelFile.PATCHES)) : null);
			return new TrainedModel(model, info.backbone(), info.preprocessing(), info.thresholds(), info.provenance());
		}
	}

	private ModelInfo header(FileChannel channel) throws IOException {
		long size = channel.size();
		ByteBuffer preamble = bytes(channel, 0, (int) Math.min(size, ModelFile.PREAMBLE)).order(ByteOrder.LITTLE_ENDIAN);
		byte[] magic = new byte[Math.min(preamble.remaining(), ModelFile.MAGIC.length)];
		preamble.get(0, magic);
		if (!Arrays.equals(magic, Arrays.copyOf(ModelFile.MAGIC, magic.length)) || size == 0) {
			throw new ModelFileException(file, "not an N-pad model file (it does not begin with "
					+ new String(ModelFile.MAGIC, StandardCharsets.US_ASCII) + ")");
		}
		if (size < ModelFile.MAGIC.length + Integer.BYTES) throw truncatedPreamble(size);
		int version = preamble.getInt(ModelFile.MAGIC.length);
		if (version > ModelFile.FORMAT_VERSION) {
			throw new ModelFileException(file, "written by format version " + version + "; this plugin reads version "
					+ ModelFile.FORMAT_VERSION + ": update the plugin");
		}
		if (version != ModelFile.FORMAT_VERSION) throw corrupted("format version " + version + " does not exist");
		if (size < ModelFile.PREAMBLE) throw truncatedPreamble(size);
		long fileLength = preamble.getLong(ModelFile.MAGIC.length + Integer.BYTES);
		int headerLength = preamble.getInt(ModelFile.MAGIC.length + Integer.BYTES + Long.BYTES);
		long dataStart = (long) ModelFile.PREAMBLE + headerLength + ModelFile.CHECKSUM;
		if (headerLength <= 0 || fileLength < dataStart + ModelFile.CHECKSUM) {
			throw corrupted("the preamble gives impossible lengths (file " + fileLength + " bytes, header " + headerLength + " bytes)");
		}
		if (size < dataStart) throw truncated(fileLength, size);
		ByteBuffer header = bytes(channel, ModelFile.PREAMBLE, headerLength + ModelFile.CHECKSUM).order(ByteOrder.LITTLE_ENDIAN);
		CRC32C crc = new CRC32C();
		crc.update(preamble.rewind());
		crc.update(header.slice(0, headerLength));
		if (header.getInt(headerLength) != (int) crc.getValue()) throw corrupted("checksum mismatch in the header");
		if (size < fileLength) throw truncated(fileLength, size);
		if (size > fileLength) throw corrupted("expected " + fileLength + " bytes, found " + size + " (data after the end of the model)");
		ModelInfo info;
		try {
			info = HeaderJson.read(StandardCharsets.UTF_8.decode(header.slice(0, headerLength)).toString(), version, fileLength, dataStart);
		} catch (RuntimeException e) {
			throw new ModelFileException(file, "the header cannot be read: " + e.getMessage(), e);
		}
		ArrayTable.check(info, this::corrupted);
		return info;
	}

	/** Where an array's chunks go as they are decoded: float32 items from the given one on. */
	private interface Sink {
		void put(int from, NDArray chunk);
	}

	/**
	 * Streams one array into a sink in chunks, checking its checksum. Precisions go straight into the
	 * selected format: a float16 model never holds them in float32 (twice the memory) on the way.
	 */
	private void readArray(FileChannel channel, ModelInfo info, StoredArray stored, CRC32C whole, NDManager manager, Sink sink) throws IOException {
		long[] shape = stored.shape();
		Encoding encoding = stored.encoding();
		int perItem = (int) Encoding.itemValues(shape);
		int itemBytes = encoding.storedItemBytes(shape);
		int itemsPerChunk = (int) Math.max(1, Math.min(shape[0], chunkValues / Math.max(1, perItem)));
		float[] values = new float[itemsPerChunk * perItem];
		ByteBuffer buffer = ByteBuffer.allocateDirect(itemsPerChunk * itemBytes).order(ByteOrder.LITTLE_ENDIAN);
		CRC32C crc = new CRC32C();
		long start = info.dataStart() + stored.offset();
		for (long from = 0; from < shape[0]; from += itemsPerChunk) {
			if (Thread.currentThread().isInterrupted()) throw ModelFile.cancelled("reading " + file, null);
			int items = (int) Math.min(itemsPerChunk, shape[0] - from);
			buffer.clear().limit(items * itemBytes);
			readFully(channel, buffer, start + from * itemBytes);
			buffer.flip();
			crc.update(buffer.duplicate());
			whole.update(buffer.duplicate());
			encoding.decode(buffer, items, shape, values);
			long[] chunkShape = shape.clone();
			chunkShape[0] = items;
			float[] chunkValues = items == itemsPerChunk ? values : Arrays.copyOf(values, items * perItem);
			try (NDScope scope = new NDScope()) {
				sink.put((int) from, manager.create(chunkValues, new Shape(chunkShape)));
			}
		}
		if ((int) crc.getValue() != stored.crc32c()) {
			throw corrupted("checksum mismatch in array " + stored.name() + " (bytes " + start + " to " + (start + stored.length()) + ")");
		}
	}

	private static PositionGaussians module(Map<String, NDArray> arrays, Map<String, Precisions> precisions, String module) {
		NDArray mean = arrays.get(module + ModelFile.MEAN);
		return mean == null ? null : new PositionGaussians(mean, precisions.get(module + ModelFile.PRECISION));
	}

	private ByteBuffer bytes(FileChannel channel, long position, int count) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(count);
		readFully(channel, buffer, position);
		return buffer.flip();
	}

	/** Fills the buffer from position on; the caller has checked that the file is long enough. */
	private void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		long start = position - buffer.position();
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, start + buffer.position()) < 0) throw truncated(start + buffer.limit(), channel.size());
		}
	}

	private ModelFileException truncatedPreamble(long size) {
		return new ModelFileException(file, "truncated: expected at least " + ModelFile.PREAMBLE + " bytes, found " + size);
	}

	private ModelFileException truncated(long expected, long size) {
		return new ModelFileException(file, "truncated: expected " + expected + " bytes, found " + size
				+ " (an interrupted copy or download, or a full disk)");
	}

	private ModelFileException corrupted(String problem) {
		return new ModelFileException(file, "corrupted: " + problem);
	}
}
