package org.npad.model;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Checks that a header's array table describes arrays that fit the model and the file: known names,
 * shapes that agree with the feature map and the channels, both halves of every module, lengths
 * that match shape and encoding, and arrays back to back up to the trailer. A header that passes
 * its checksum but fails here was written by a faulty writer; reading on would fail obscurely later.
 */
final class ArrayTable {

	private ArrayTable() {
	}

	static void check(ModelInfo info, Function<String, ModelFileException> problem) throws ModelFileException {
		long positions = (long) info.height() * info.width();
		long d = info.config().channels();
		if (!info.config().channelRule().projects() && info.channels().length != d)
			throw problem.apply("the header lists " + info.channels().length + " kept channels for d = " + d);
		long offset = 0;
		for (StoredArray a : info.arrays()) {
			long[] expected = expectedShape(a, positions, d);
			if (expected == null) throw problem.apply("the header lists an unknown array '" + a.name() + "'");
			if (!Arrays.equals(a.shape(), expected)) {
				throw problem.apply("array " + a.name() + " has shape " + Arrays.toString(a.shape()) + ", expected " + Arrays.toString(expected));
			}
			if (!"float32".equals(a.dtype())) throw problem.apply("array " + a.name() + " has dtype " + a.dtype() + ", expected float32");
			if (a.offset() != offset || a.length() != a.encoding().storedBytes(a.shape())) {
				throw problem.apply("array " + a.name() + " lies at bytes " + a.offset() + " (+" + a.length() + "), expected " + offset
						+ " (+" + a.encoding().storedBytes(a.shape()) + ")");
			}
			offset += a.length();
		}
		if (info.dataStart() + offset + ModelFile.CHECKSUM != info.fileLength()) {
			throw problem.apply("the arrays end at byte " + (info.dataStart() + offset) + " but the trailer is at " + (info.fileLength() - ModelFile.CHECKSUM));
		}
		if ((info.config().patchBank() > 0) != (info.array(ModelFile.PATCHES) != null)) {
			throw problem.apply(info.config().patchBank() > 0 ? "the settings ask for a patch bank (patch_bank = "
					+ info.config().patchBank() + ") but the file has none" : "the file has a patch bank but its settings say patch_bank = 0");
		}
		for (String module : new String[] {ModelFile.MODULE_A, ModelFile.MODULE_B}) {
			if ((info.array(module + ModelFile.MEAN) == null) != (info.array(module + ModelFile.PRECISION) == null)) {
				throw problem.apply(module + " has only one of its mean and precision arrays");
			}
		}
	}

	/**
	 * The shape an array of this name must have, its first axis (centroids) free for the bank, both
	 * axes for the patch bank (its channels are the backbone's, not the kept ones); null for an unknown name.
	 */
	private static long[] expectedShape(StoredArray a, long positions, long d) {
		String name = a.name();
		if (name.equals(ModelFile.BANK)) return new long[] {a.shape().length > 0 ? a.shape()[0] : -1, d};
		if (name.equals(ModelFile.PATCHES)) return a.shape().length == 2 ? a.shape() : new long[] {-1, -1};
		if (!name.startsWith(ModelFile.MODULE_A) && !name.startsWith(ModelFile.MODULE_B)) return null;
		String part = name.substring(ModelFile.MODULE_A.length());
		if (part.equals(ModelFile.MEAN)) return new long[] {positions, d};
		if (part.equals(ModelFile.PRECISION)) return new long[] {positions, d, d};
		return null;
	}
}
