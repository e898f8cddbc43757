package org.npad.model;

/**
 * IEEE 754 binary16 conversion, for storing arrays at half their size. Java 17 has no
 * Float.floatToFloat16, and the conversion must round to nearest even so that a stored value is
 * always the closest half to the trained one.
 */
final class Half {

	/** Largest finite binary16 value. */
	static final float MAX = 65504f;

	private Half() {
	}

	/** Nearest binary16 (ties to even); values of magnitude 65520 and above become infinity. */
	static short fromFloat(float value) {
		int bits = Float.floatToRawIntBits(value);
		int sign = (bits >>> 16) & 0x8000;
		int abs = bits & 0x7fffffff;
		if (abs >= 0x7f800000) { // infinity or NaN; a NaN keeps a quiet bit so it stays NaN
			return (short) (sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 | ((abs >>> 13) & 0x3ff) : 0));
		}
		if (abs >= 0x477ff000) return (short) (sign | 0x7c00); // >= 65520 rounds past the largest half
		if (abs >= 0x38800000) { // normal half: rebias the exponent (127 -> 15), round away 13 mantissa bits
			int rounded = abs + 0xfff + ((abs >>> 13) & 1);
			return (short) (sign | ((rounded - (112 << 23)) >>> 13));
		}
		if (abs <= 0x33000000) return (short) sign; // at most 2^-25: rounds (ties to even) to zero
		int exponent = abs >>> 23;
		int mantissa = (abs & 0x7fffff) | 0x800000;
		int shift = 126 - exponent; // value = mantissa 2^(exponent-150), in units of 2^-24
		int units = mantissa >>> shift;
		int rest = mantissa & ((1 << shift) - 1);
		int half = 1 << (shift - 1);
		if (rest > half || (rest == half && (units & 1) == 1)) units++;
		return (short) (sign | units);
	}

	static float toFloat(short half) {
		int bits = half & 0xffff;
		int sign = (bits & 0x8000) << 16;
		int exponent = (bits >>> 10) & 0x1f;
		int mantissa = bits & 0x3ff;
		if (exponent == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
		if (exponent == 0) {
			float value = mantissa * 0x1p-24f;
			return sign != 0 ? -value : value;
		}
		return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
	}
}
