package org.npad.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagePlusImgsTest {

	private static final int W = 5;
	private static final int H = 3;

	@Test
	void eightBitSharesPixelsBothWays() {
		ByteProcessor ip = new ByteProcessor(W, H);
		ip.set(4, 2, 200);
		Img<?> img = ImagePlusImgs.wrap(new ImagePlus("b", ip));
		ArrayImg<?, ?> array = assertInstanceOf(ArrayImg.class, img);
		UnsignedByteType t = (UnsignedByteType) at(array, 4, 2);
		assertEquals(200, t.get());
		t.set(17); // writes through to the ImageProcessor
		assertEquals(17, ip.get(4, 2));
		ImagePlus back = ImagePlusImgs.toImagePlus(img, "back");
		assertSame(ip.getPixels(), back.getProcessor().getPixels());
		assertEquals(8, back.getBitDepth());
	}

	@Test
	void sixteenBitKeepsValuesAboveTheSignedRange() {
		ShortProcessor ip = new ShortProcessor(W, H);
		ip.set(1, 1, 65000);
		Img<?> img = ImagePlusImgs.wrap(new ImagePlus("s", ip));
		assertEquals(65000, ((UnsignedShortType) at(img, 1, 1)).get());
		ImagePlus back = ImagePlusImgs.toImagePlus(img, "back");
		assertEquals(16, back.getBitDepth());
		assertSame(ip.getPixels(), back.getProcessor().getPixels());
	}

	@Test
	void floatRoundTrip() {
		FloatProcessor ip = new FloatProcessor(W, H);
		ip.setf(3, 0, -2.5f);
		Img<?> img = ImagePlusImgs.wrap(ip);
		assertEquals(-2.5f, ((FloatType) at(img, 3, 0)).get());
		assertSame(ip.getPixels(), ImagePlusImgs.toImagePlus(img, "f").getProcessor().getPixels());
	}

	@Test
	void rgbRoundTrip() {
		ColorProcessor ip = new ColorProcessor(W, H);
		ip.set(0, 2, 0x123456);
		Img<?> img = ImagePlusImgs.wrap(ip);
		int argb = ((ARGBType) at(img, 0, 2)).get();
		assertEquals(0x12, ARGBType.red(argb));
		assertEquals(0x34, ARGBType.green(argb));
		assertEquals(0x56, ARGBType.blue(argb));
		ImagePlus back = ImagePlusImgs.toImagePlus(img, "c");
		assertEquals(24, back.getBitDepth());
		assertEquals(0x123456, back.getProcessor().get(0, 2) & 0xffffff);
	}

	@Test
	void stacksOfEveryTypeBecomePlanarImgsSharingSlices() {
		stackRoundTrip(i -> { ByteProcessor p = new ByteProcessor(W, H); p.set(i, 1, 10 + i); return p; });
		stackRoundTrip(i -> { ShortProcessor p = new ShortProcessor(W, H); p.set(i, 1, 60000 + i); return p; });
		stackRoundTrip(i -> { FloatProcessor p = new FloatProcessor(W, H); p.setf(i, 1, 0.5f + i); return p; });
		stackRoundTrip(i -> { ColorProcessor p = new ColorProcessor(W, H); p.set(i, 1, 0xff000000 | (i << 16)); return p; });
	}

	private static void stackRoundTrip(IntFunction<ImageProcessor> slice) {
		ImageStack stack = new ImageStack(W, H);
		for (int i = 0; i < 3; i++) stack.addSlice(slice.apply(i));
		ImagePlus imp = new ImagePlus("stack", stack);
		Img<?> img = ImagePlusImgs.wrap(imp);
		assertInstanceOf(PlanarImg.class, img);
		assertArrayEquals(new long[] {W, H, 3}, img.dimensionsAsLongArray());
		for (int i = 0; i < 3; i++) {
			ImageProcessor p = stack.getProcessor(i + 1);
			double expected = p instanceof ColorProcessor ? (p.get(i, 1) >> 16) & 0xff : p.getf(i, 1);
			assertEquals(expected, real(at(img, i, 1, i)), 1e-6, "slice " + i);
		}
		ImagePlus back = ImagePlusImgs.toImagePlus(img, "back");
		assertEquals(3, back.getStackSize());
		assertEquals(imp.getBitDepth(), back.getBitDepth());
		for (int i = 1; i <= 3; i++) assertSame(stack.getPixels(i), back.getStack().getPixels(i));
	}

	@Test
	void otherLayoutsAreCopiedInOrder() {
		// a 3D ArrayImg is one array, ImageJ needs one per slice
		ArrayImg<UnsignedShortType, ?> img = ArrayImgs.unsignedShorts(4, 2, 3);
		int k = 0;
		for (UnsignedShortType t : img) t.set(1000 * k++);
		ImagePlus imp = ImagePlusImgs.toImagePlus(img, "copy");
		assertEquals(3, imp.getStackSize());
		assertEquals(1000 * (3 + 4 * 1 + 8 * 1), imp.getStack().getProcessor(2).get(3, 1)); // x 3, y 1, z 1 in x-fastest order
		// a view with an offset: the interval's own pixels, starting at its minimum
		ArrayImg<FloatType, ?> big = ArrayImgs.floats(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 3, 3);
		ImagePlus cropped = ImagePlusImgs.toImagePlus(Views.interval(big, new long[] {1, 1}, new long[] {2, 2}), "view");
		assertArrayEquals(new float[] {4, 5, 7, 8}, (float[]) cropped.getProcessor().getPixels());
	}

	@Test
	void unsupportedTypesAreNamed() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ImagePlusImgs.toImagePlus(ArrayImgs.doubles(2, 2), "d"));
		assertTrue(e.getMessage().contains("DoubleType"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ImagePlusImgs.toImagePlus(ArrayImgs.floats(2, 2, 2, 2), "4d"));
		assertTrue(e.getMessage().contains("4D"), e.getMessage());
	}

	private static Object at(Img<?> img, long... position) {
		RandomAccess<?> ra = img.randomAccess();
		ra.setPosition(position);
		return ra.get();
	}

	private static double real(Object t) {
		if (t instanceof ARGBType c) return ARGBType.red(c.get());
		return ((net.imglib2.type.numeric.RealType<?>) t).getRealDouble();
	}
}
