package org.npad.image.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.PriorityQueue;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Writes 8-bit grayscale PNG files whose bytes depend on the pixels alone. ImageIO and
 * {@link java.util.zip.Deflater} hand the compression to the platform's zlib (or zlib-ng), whose output
 * differs between versions, so committed sample data could not be checked byte for byte on another
 * machine. This encoder does its own deflate: per row the PNG filter with the smallest sum of absolute
 * residuals, runs of a repeated byte as distance-1 matches, and one dynamic Huffman block.
 */
public final class PngEncoder {

	private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
	private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
	private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
	private static final int LITERALS = 286;
	private static final int END_OF_BLOCK = 256;

	private PngEncoder() {}

	/** A complete PNG file of a width x height row-major 8-bit gray image. */
	public static byte[] encode(byte[] gray, int width, int height) {
		if (width < 1 || height < 1 || gray.length != width * height) {
			throw new IllegalArgumentException("expected " + width + " x " + height + " pixels, got " + gray.length);
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(SIGNATURE);
		byte[] header = new byte[13];
		putInt(header, 0, width);
		putInt(header, 4, height);
		header[8] = 8; // bit depth; colour type 0 (gray), deflate, adaptive filtering, no interlace
		chunk(png, "IHDR", header);
		chunk(png, "IDAT", zlib(filterRows(gray, width, height)));
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	/** Each row preceded by its filter type, choosing the filter with the smallest sum of |residual|. */
	private static byte[] filterRows(byte[] gray, int width, int height) {
		byte[] out = new byte[height * (width + 1)];
		byte[] best = new byte[width];
		byte[] trial = new byte[width];
		for (int y = 0; y < height; y++) {
			long bestCost = Long.MAX_VALUE;
			int bestType = 0;
			for (int type = 0; type <= 4; type++) {
				long cost = 0;
				for (int x = 0; x < width; x++) {
					int a = x > 0 ? gray[y * width + x - 1] & 0xff : 0;
					int b = y > 0 ? gray[(y - 1) * width + x] & 0xff : 0;
					int c = x > 0 && y > 0 ? gray[(y - 1) * width + x - 1] & 0xff : 0;
					int predictor = switch (type) {
						case 0 -> 0;
						case 1 -> a;
						case 2 -> b;
						case 3 -> (a + b) >> 1;
						default -> paeth(a, b, c);
					};
					trial[x] = (byte) (gray[y * width + x] - predictor);
					cost += Math.abs(trial[x]);
				}
				if (cost < bestCost) {
					bestCost = cost;
					bestType = type;
					System.arraycopy(trial, 0, best, 0, width);
				}
			}
			out[y * (width + 1)] = (byte) bestType;
			System.arraycopy(best, 0, out, y * (width + 1) + 1, width);
		}
		return out;
	}

	private static int paeth(int a, int b, int c) {
		int p = a + b - c;
		int pa = Math.abs(p - a);
		int pb = Math.abs(p - b);
		int pc = Math.abs(p - c);
		if (pa <= pb && pa <= pc) return a;
		return pb <= pc ? b : c;
	}

	/** A zlib stream (RFC 1950) holding one final dynamic-Huffman deflate block (RFC 1951). */
	private static byte[] zlib(byte[] data) {
		// tokens: a literal byte (0..255) or a match of length 3..258 at distance 1, stored as 256 + length
		int[] tokens = new int[data.length];
		int n = 0;
		for (int i = 0; i < data.length; ) {
			int run = 0;
			if (i > 0) {
				while (run < 258 && i + run < data.length && data[i + run] == data[i - 1]) run++;
			}
			if (run >= 3) {
				tokens[n++] = 256 + run;
				i += run;
			} else {
				tokens[n++] = data[i++] & 0xff;
			}
		}
		int[] frequency = new int[LITERALS];
		for (int k = 0; k < n; k++) frequency[symbol(tokens[k])]++;
		frequency[END_OF_BLOCK]++;
		int[] litLengths = codeLengths(frequency, 15);
		int[] litCodes = canonicalCodes(litLengths);
		int[] distLengths = {1, 1}; // distance code 0 (distance 1) and an unused code 1: a complete code
		int[] distCodes = canonicalCodes(distLengths);

		int[] allLengths = new int[LITERALS + distLengths.length];
		System.arraycopy(litLengths, 0, allLengths, 0, LITERALS);
		System.arraycopy(distLengths, 0, allLengths, LITERALS, distLengths.length);
		int[] clFrequency = new int[19];
		for (int len : allLengths) clFrequency[len]++;
		int[] clLengths = codeLengths(clFrequency, 7);
		int[] clCodes = canonicalCodes(clLengths);

		BitWriter out = new BitWriter();
		out.bits(0x78, 8); // deflate, 32 KiB window
		out.bits(0x01, 8); // no dictionary, check bits: 0x7801 % 31 == 0
		out.bits(1, 1); // final block
		out.bits(2, 2); // dynamic Huffman
		out.bits(LITERALS - 257, 5);
		out.bits(distLengths.length - 1, 5);
		out.bits(19 - 4, 4);
		for (int s : CODE_LENGTH_ORDER) out.bits(clLengths[s], 3);
		for (int len : allLengths) out.code(clCodes[len], clLengths[len]);
		for (int k = 0; k < n; k++) {
			int t = tokens[k];
			int s = symbol(t);
			out.code(litCodes[s], litLengths[s]);
			if (t > 255) {
				int length = t - 256;
				int index = s - 257;
				out.bits(length - LENGTH_BASE[index], LENGTH_EXTRA[index]);
				out.code(distCodes[0], distLengths[0]);
			}
		}
		out.code(litCodes[END_OF_BLOCK], litLengths[END_OF_BLOCK]);
		out.flush();
		Adler32 adler = new Adler32();
		adler.update(data);
		long check = adler.getValue();
		for (int shift = 24; shift >= 0; shift -= 8) out.bits((int) (check >>> shift) & 0xff, 8);
		return out.bytes.toByteArray();
	}

	/** The literal/length symbol of a token. */
	private static int symbol(int token) {
		if (token < 256) return token;
		int length = token - 256;
		int index = LENGTH_BASE.length - 1;
		while (LENGTH_BASE[index] > length) index--;
		return 257 + index;
	}

	/**
	 * Huffman code lengths for these frequencies, none longer than maxBits: build the Huffman tree
	 * (ties broken by node order, so the result is fixed), and while it is too deep halve the
	 * frequencies and build again. Fewer than two used symbols get a partner, so the code is complete.
	 */
	static int[] codeLengths(int[] frequency, int maxBits) {
		int[] f = frequency.clone();
		int used = 0;
		for (int v : f) if (v > 0) used++;
		for (int s = 0; used < 2; s++) {
			if (f[s] == 0) {
				f[s] = 1;
				used++;
			}
		}
		while (true) {
			int[] lengths = treeDepths(f);
			int max = 0;
			for (int l : lengths) max = Math.max(max, l);
			if (max <= maxBits) return lengths;
			for (int s = 0; s < f.length; s++) if (f[s] > 0) f[s] = Math.max(1, f[s] >> 1);
		}
	}

	private static int[] treeDepths(int[] f) {
		int symbols = f.length;
		int[] parent = new int[2 * symbols];
		long[] weight = new long[2 * symbols];
		PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> weight[a] != weight[b] ? Long.compare(weight[a], weight[b]) : Integer.compare(a, b));
		for (int s = 0; s < symbols; s++) {
			if (f[s] > 0) {
				weight[s] = f[s];
				queue.add(s);
			}
		}
		int next = symbols;
		while (queue.size() > 1) {
			int a = queue.poll();
			int b = queue.poll();
			weight[next] = weight[a] + weight[b];
			parent[a] = next;
			parent[b] = next;
			queue.add(next++);
		}
		int root = next - 1;
		int[] lengths = new int[symbols];
		for (int s = 0; s < symbols; s++) {
			if (f[s] == 0) continue;
			int depth = 0;
			for (int node = s; node != root; node = parent[node]) depth++;
			lengths[s] = depth;
		}
		return lengths;
	}

	/** Canonical codes from code lengths, as RFC 1951 section 3.2.2 assigns them. */
	private static int[] canonicalCodes(int[] lengths) {
		int[] count = new int[16];
		for (int l : lengths) if (l > 0) count[l]++;
		int[] nextCode = new int[16];
		for (int bits = 1, code = 0; bits < 16; bits++) {
			code = (code + count[bits - 1]) << 1; // count[0] stays 0: unused symbols take no code
			nextCode[bits] = code;
		}
		int[] codes = new int[lengths.length];
		for (int s = 0; s < lengths.length; s++) {
			if (lengths[s] > 0) codes[s] = nextCode[lengths[s]]++;
		}
		return codes;
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] length = new byte[4];
		putInt(length, 0, data.length);
		png.writeBytes(length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		png.writeBytes(typeBytes);
		png.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		byte[] check = new byte[4];
		putInt(check, 0, (int) crc.getValue());
		png.writeBytes(check);
	}

	private static void putInt(byte[] a, int at, int v) {
		a[at] = (byte) (v >>> 24);
		a[at + 1] = (byte) (v >>> 16);
		a[at + 2] = (byte) (v >>> 8);
		a[at + 3] = (byte) v;
	}

	/** Deflate's bit order: values least significant bit first, Huffman codes most significant bit first. */
	private static final class BitWriter {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		private int buffer;
		private int count;

		void bits(int value, int n) {
			for (int i = 0; i < n; i++) {
				buffer |= ((value >>> i) & 1) << count;
				if (++count == 8) {
					bytes.write(buffer);
					buffer = 0;
					count = 0;
				}
			}
		}

		void code(int code, int length) {
			for (int i = length - 1; i >= 0; i--) bits((code >>> i) & 1, 1);
		}

		void flush() {
			if (count > 0) bits(0, 8 - count);
		}
	}
}
