package org.npad.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;

import java.util.ArrayList;
import java.util.List;

/**
 * ImagePlus to ImgLib2 and back without imagej-legacy or imglib2-ij, for the four ImageJ 1 pixel types:
 * 8-bit to {@link UnsignedByteType}, 16-bit to {@link UnsignedShortType}, 32-bit to {@link FloatType},
 * RGB to {@link ARGBType}. Both directions share the pixel arrays wherever the layouts agree (a single
 * slice and an {@link ArrayImg}; a stack and a {@link PlanarImg}), so writes show through and nothing is
 * copied; only other images (views, 3D ArrayImgs, cell images) are copied. A stack, whatever its
 * channel/slice/frame order, becomes dimensions x, y, stack index. Calibration and LUTs are not carried.
 */
public final class ImagePlusImgs {

	private ImagePlusImgs() {}

	/** The pixel types ImageJ 1 can hold, with how each is wrapped and unwrapped. */
	private enum Kind {
		BYTE(new UnsignedByteType()) {
			Object newArray(int n) { return new byte[n]; }
			ArrayDataAccess<?> access(Object array) { return new ByteArray((byte[]) array); }
			void store(Object array, int i, Object value) { ((byte[]) array)[i] = (byte) ((UnsignedByteType) value).get(); }
			ImageProcessor processor(int w, int h, Object array) { return new ByteProcessor(w, h, (byte[]) array); }
			Img<?> arrayImg(Object array, int w, int h) { return ArrayImgs.unsignedBytes((byte[]) array, w, h); }
		},
		SHORT(new UnsignedShortType()) {
			Object newArray(int n) { return new short[n]; }
			ArrayDataAccess<?> access(Object array) { return new ShortArray((short[]) array); }
			void store(Object array, int i, Object value) { ((short[]) array)[i] = (short) ((UnsignedShortType) value).get(); }
			ImageProcessor processor(int w, int h, Object array) { return new ShortProcessor(w, h, (short[]) array, null); }
			Img<?> arrayImg(Object array, int w, int h) { return ArrayImgs.unsignedShorts((short[]) array, w, h); }
		},
		FLOAT(new FloatType()) {
			Object newArray(int n) { return new float[n]; }
			ArrayDataAccess<?> access(Object array) { return new FloatArray((float[]) array); }
			void store(Object array, int i, Object value) { ((float[]) array)[i] = ((FloatType) value).get(); }
			ImageProcessor processor(int w, int h, Object array) { return new FloatProcessor(w, h, (float[]) array); }
			Img<?> arrayImg(Object array, int w, int h) { return ArrayImgs.floats((float[]) array, w, h); }
		},
		ARGB(new ARGBType()) {
			Object newArray(int n) { return new int[n]; }
			ArrayDataAccess<?> access(Object array) { return new IntArray((int[]) array); }
			void store(Object array, int i, Object value) { ((int[]) array)[i] = ((ARGBType) value).get(); }
			ImageProcessor processor(int w, int h, Object array) { return new ColorProcessor(w, h, (int[]) array); }
			Img<?> arrayImg(Object array, int w, int h) { return ArrayImgs.argbs((int[]) array, w, h); }
		};

		private final NativeType<?> type;

		Kind(NativeType<?> type) {
			this.type = type;
		}

		abstract Object newArray(int n);
		abstract ArrayDataAccess<?> access(Object array);
		abstract void store(Object array, int i, Object value);
		abstract ImageProcessor processor(int w, int h, Object array);
		abstract Img<?> arrayImg(Object array, int w, int h);

		static Kind of(ImagePlus imp) {
			return switch (imp.getBitDepth()) {
				case 8 -> BYTE;
				case 16 -> SHORT;
				case 32 -> FLOAT;
				case 24 -> ARGB;
				default -> throw new IllegalArgumentException("image '" + imp.getTitle() + "' has unsupported bit depth " + imp.getBitDepth());
			};
		}

		static Kind of(Object pixelType) {
			for (Kind k : values()) {
				if (k.type.getClass() == pixelType.getClass()) return k;
			}
			throw new IllegalArgumentException("ImageJ 1 cannot hold pixels of type " + pixelType.getClass().getSimpleName()
					+ ": convert to UnsignedByteType, UnsignedShortType, FloatType or ARGBType first");
		}
	}

	/**
	 * The image as an Img sharing its pixels: a 2D {@link ArrayImg} for a single slice, a 3D
	 * {@link PlanarImg} (x, y, stack index) for a stack. A virtual stack's slices are read once into
	 * new arrays, so writes to the result do not reach its files.
	 */
	public static Img<?> wrap(ImagePlus imp) {
		Kind kind = Kind.of(imp);
		int w = imp.getWidth();
		int h = imp.getHeight();
		ImageStack stack = imp.getStack();
		if (stack.getSize() == 1) return kind.arrayImg(stack.getPixels(1), w, h);
		List<ArrayDataAccess<?>> planes = new ArrayList<>();
		for (int i = 1; i <= stack.getSize(); i++) planes.add(kind.access(stack.getPixels(i)));
		return planar(kind, planes, w, h);
	}

	/** One slice as a 2D {@link ArrayImg} sharing its pixel array. */
	public static Img<?> wrap(ImageProcessor ip) {
		return wrap(new ImagePlus("", ip));
	}

	/**
	 * An ImagePlus showing a 2D or 3D image (the third dimension becomes the stack), sharing its arrays
	 * when it is a 2D ArrayImg or a PlanarImg of a supported type, else copying in flat iteration order.
	 */
	public static ImagePlus toImagePlus(RandomAccessibleInterval<?> img, String title) {
		int n = img.numDimensions();
		if (n != 2 && n != 3) throw new IllegalArgumentException("only 2D and 3D images become an ImagePlus, got " + n + "D");
		Kind kind = Kind.of(img.getType());
		long w = img.dimension(0);
		long h = img.dimension(1);
		long depth = n == 3 ? img.dimension(2) : 1;
		if (w * h > Integer.MAX_VALUE || depth > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("a slice of " + w + " x " + h + " is too large for ImageJ 1");
		}
		List<Object> slices = sharedSlices(img, (int) depth);
		if (slices == null) slices = copiedSlices(img, kind, (int) (w * h), (int) depth);
		ImageStack stack = new ImageStack((int) w, (int) h);
		for (Object pixels : slices) stack.addSlice(kind.processor((int) w, (int) h, pixels));
		return new ImagePlus(title, stack);
	}

	/** The storage arrays of the slices when they can be shared as they are, else null. */
	private static List<Object> sharedSlices(RandomAccessibleInterval<?> img, int depth) {
		List<Object> slices = new ArrayList<>();
		if (img instanceof ArrayImg<?, ?> array && img.numDimensions() == 2) {
			Object access = array.update(null);
			if (!(access instanceof ArrayDataAccess<?> a)) return null;
			slices.add(a.getCurrentStorageArray());
			return slices;
		}
		if (img instanceof PlanarImg<?, ?> planar) {
			for (int i = 0; i < depth; i++) {
				slices.add(planar.getPlane(i).getCurrentStorageArray());
			}
			return slices;
		}
		return null;
	}

	private static List<Object> copiedSlices(RandomAccessibleInterval<?> img, Kind kind, int sliceSize, int depth) {
		List<Object> slices = new ArrayList<>();
		for (int i = 0; i < depth; i++) slices.add(kind.newArray(sliceSize));
		Cursor<?> c = Views.flatIterable(img).cursor();
		for (long i = 0; c.hasNext(); i++) {
			Object value = c.next();
			kind.store(slices.get((int) (i / sliceSize)), (int) (i % sliceSize), value);
		}
		return slices;
	}

	/** A PlanarImg over existing arrays, its pixel type linked the way ImgLib2's own factories do it. */
	@SuppressWarnings({"unchecked", "rawtypes"})
	private static Img<?> planar(Kind kind, List<ArrayDataAccess<?>> planes, int w, int h) {
		PlanarImg img = new PlanarImg(planes, new long[] {w, h, planes.size()}, new Fraction());
		NativeType type = kind.type;
		img.setLinkedType(type.getNativeTypeFactory().createLinkedType(img));
		return img;
	}
}
