package org.npad.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backbone weights as N-pad ships them: one self-checking file that a Fiji installation can
 * carry in a jar, so that features never depend on npm, Python or a download at run time.
 *
 * <p>Layout, little-endian: 8 bytes magic {@code NPADWGT\n}, int32 format version, int32 header
 * length, the header as UTF-8 JSON ({@link Header}), int64 data length, the data (for each layer
 * in header order: its float32 weight, then its float32 bias), and the 32-byte SHA-256 of the
 * data. That hash is the backbone's identity: same hash, same features.
 */
public final class WeightFile {

	static final byte[] MAGIC = "NPADWGT\n".getBytes(StandardCharsets.US_ASCII);
	static final int FORMAT_VERSION = 1;
	private static final int HASH_BYTES = 32;
	private static final Gson GSON = new Gson();

	/**
	 * One layer with weights. Convolution weights are OIHW (PyTorch/DJL order), dense weights are
	 * in x out; the bias has one value per output.
	 *
	 * @param kind    "conv2d" or "dense"
	 * @param stride  convolution stride (height, width); empty for dense layers
	 * @param padding symmetric zero padding (height, width), Keras' explicit padding layers folded in
	 */
	public record LayerSpec(String name, String kind, long[] weightShape, int[] stride, int[] padding) {
		long weightCount() {
			long count = 1;
			for (long d : weightShape) count = Math.multiplyExact(count, d);
			return count;
		}

		long biasCount() {
			return kind.equals("dense") ? weightShape[1] : weightShape[0];
		}
	}

	/** What the file says about itself; {@code architecture} tells which forward pass fits. */
	public record Header(String name, String architecture, String source, String dtype, List<LayerSpec> layers) {}

	/** A layer's values on the way into a file. */
	public record LayerValues(LayerSpec spec, float[] weight, float[] bias) {}

	private final Header header;
	private final ByteBuffer data;
	private final String sha256;
	private final Map<String, Long> offsets = new LinkedHashMap<>();
	private final Map<String, LayerSpec> layers = new LinkedHashMap<>();

	private WeightFile(Header header, ByteBuffer data, String sha256, String origin) throws IOException {
		this.header = header;
		this.data = data;
		this.sha256 = sha256;
		if (header == null || header.layers() == null || !"float32".equals(header.dtype()))
			throw new IOException(origin + ": header names no float32 layers");
		long offset = 0;
		for (LayerSpec layer : header.layers()) {
			offsets.put(layer.name(), offset);
			layers.put(layer.name(), layer);
			offset += 4 * (layer.weightCount() + layer.biasCount());
		}
		if (offset != data.capacity())
			throw new IOException(origin + ": header describes " + offset + " bytes of weights but the file holds " + data.capacity());
	}

	public Header header() {
		return header;
	}

	/** Hex SHA-256 of the weight data, checked against the file's own copy when it was read. */
	public String sha256() {
		return sha256;
	}

	/** @return the layer's spec, or an exception naming the missing layer */
	public LayerSpec layer(String name) {
		LayerSpec spec = layers.get(name);
		if (spec == null) throw new IllegalArgumentException("weight file '" + header.name() + "' has no layer " + name);
		return spec;
	}

	public NDArray weight(String name, NDManager manager) {
		LayerSpec spec = layer(name);
		return slice(offsets.get(name), spec.weightCount(), new Shape(spec.weightShape()), manager);
	}

	public NDArray bias(String name, NDManager manager) {
		LayerSpec spec = layer(name);
		return slice(offsets.get(name) + 4 * spec.weightCount(), spec.biasCount(), new Shape(spec.biasCount()), manager);
	}

	private NDArray slice(long byteOffset, long count, Shape shape, NDManager manager) {
		ByteBuffer view = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		view.position(Math.toIntExact(byteOffset)).limit(Math.toIntExact(byteOffset + 4 * count));
		return manager.create(view.slice().order(ByteOrder.LITTLE_ENDIAN), shape, DataType.FLOAT32);
	}

	/** Reads a file from disk; errors name the file. */
	public static WeightFile read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException("backbone weight file not found: " + file);
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		}
	}

	/**
	 * Reads a file from a stream (a classpath resource, say) and checks it whole: magic, version,
	 * header, length and hash. {@code origin} names the source in error messages.
	 */
	public static WeightFile read(InputStream stream, String origin) throws IOException {
		DataInputStream in = new DataInputStream(stream);
		try {
			byte[] magic = in.readNBytes(MAGIC.length);
			if (!java.util.Arrays.equals(magic, MAGIC)) throw new IOException(origin + " is not an N-pad weight file (wrong magic bytes)");
			int version = Integer.reverseBytes(in.readInt());
			if (version != FORMAT_VERSION)
				throw new IOException(origin + " has weight file format version " + version + "; this N-pad reads version " + FORMAT_VERSION);
			int headerLength = Integer.reverseBytes(in.readInt());
			if (headerLength <= 0 || headerLength > (1 << 24)) throw new IOException(origin + ": implausible header length " + headerLength);
			Header header;
			try {
				header = GSON.fromJson(new String(in.readNBytes(headerLength), StandardCharsets.UTF_8), Header.class);
			} catch (JsonParseException e) {
				throw new IOException(origin + ": unreadable header: " + e.getMessage(), e);
			}
			long dataLength = Long.reverseBytes(in.readLong());
			if (dataLength < 0 || dataLength > Integer.MAX_VALUE - 8) throw new IOException(origin + ": implausible data length " + dataLength);
			byte[] bytes = in.readNBytes((int) dataLength);
			if (bytes.length != dataLength) throw new IOException(origin + " is truncated: " + bytes.length + " of " + dataLength + " weight bytes");
			byte[] storedHash = in.readNBytes(HASH_BYTES);
			if (storedHash.length != HASH_BYTES) throw new IOException(origin + " is truncated: its SHA-256 is missing");
			byte[] hash = sha256Of(bytes);
			if (!MessageDigest.isEqual(hash, storedHash)) throw new IOException(origin + " is corrupt: the SHA-256 of its weights does not match");
			if (in.read() != -1) throw new IOException(origin + " has unexpected bytes after its SHA-256");
			ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
			data.put(bytes).flip();
			return new WeightFile(header, data, HexFormat.of().formatHex(hash), origin);
		} catch (EOFException e) {
			throw new IOException(origin + " is truncated", e);
		}
	}

	/** Writes a file atomically (temporary file, then move), so a killed conversion leaves no half file. */
	public static String write(Path file, Header header, List<LayerValues> values) throws IOException {
		if (values.size() != header.layers().size()) throw new IllegalArgumentException("one LayerValues per header layer expected");
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temp = parent.resolve(file.getFileName() + ".part");
		byte[] hash;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
			byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
			long dataLength = 0;
			for (LayerValues v : values) dataLength += 4L * (v.weight().length + v.bias().length);
			ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 8 + json.length + 8).order(ByteOrder.LITTLE_ENDIAN);
			head.put(MAGIC).putInt(FORMAT_VERSION).putInt(json.length).put(json).putLong(dataLength);
			out.write(head.array());
			MessageDigest digest = newSha256();
			DigestOutputStream dataOut = new DigestOutputStream(out, digest);
			for (LayerValues v : values) {
				if (v.weight().length != v.spec().weightCount() || v.bias().length != v.spec().biasCount())
					throw new IllegalArgumentException("layer " + v.spec().name() + ": value count does not match its shape");
				writeFloats(dataOut, v.weight());
				writeFloats(dataOut, v.bias());
			}
			hash = digest.digest();
			out.write(hash);
		} catch (Throwable e) {
			Files.deleteIfExists(temp);
			throw e;
		}
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return HexFormat.of().formatHex(hash);
	}

	private static void writeFloats(OutputStream out, float[] values) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(values);
		out.write(buffer.array());
	}

	static byte[] sha256Of(byte[] bytes) {
		return newSha256().digest(bytes);
	}

	static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JVM offers no SHA-256", e);
		}
	}
}
