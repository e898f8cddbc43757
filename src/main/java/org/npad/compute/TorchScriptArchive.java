package org.npad.compute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a TorchScript module without Python: the archive torch.jit.save produces is a zip holding
 * the module's TorchScript source ({@code code/__torch__.py}), its pickled attributes
 * ({@code data.pkl}) and a format version; libtorch compiles the source when it loads the file.
 * Only parameter-free modules: the engine's own kernels ({@link TorchKernel}) and test backbones.
 */
public final class TorchScriptArchive {

	private TorchScriptArchive() {}

	/**
	 * @param className the module's class, e.g. "Taps"
	 * @param classBody TorchScript source of the class body below the attribute declarations
	 *                  (methods indented by two spaces), using {@code __torch__.<className>} as self type
	 */
	public static void write(Path file, String className, String classBody) throws IOException {
		String source = "class " + className + "(Module):\n"
				+ "  __parameters__ = []\n"
				+ "  __buffers__ = []\n"
				+ "  training : bool\n"
				+ classBody;
		Map<String, byte[]> records = new LinkedHashMap<>();
		records.put("data.pkl", moduleObjectPickle(className));
		records.put("code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
		records.put("constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
		records.put("version", "3\n".getBytes(StandardCharsets.US_ASCII));
		String folder = className.toLowerCase() + "/";
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> record : records.entrySet()) {
				ZipEntry entry = new ZipEntry(folder + record.getKey());
				byte[] bytes = record.getValue();
				CRC32 crc = new CRC32();
				crc.update(bytes);
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(bytes.length);
				entry.setCompressedSize(bytes.length);
				entry.setCrc(crc.getValue());
				zip.putNextEntry(entry);
				zip.write(bytes);
				zip.closeEntry();
			}
		}
	}

	/** Pickle protocol 2 of {@code __torch__.<className>()} with {@code training = False}. */
	private static byte[] moduleObjectPickle(String className) {
		ByteArrayOutputStream p = new ByteArrayOutputStream();
		p.write(0x80); // PROTO 2
		p.write(2);
		p.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
		p.write(')'); // EMPTY_TUPLE
		p.write(0x81); // NEWOBJ
		p.write('}'); // EMPTY_DICT
		p.write('('); // MARK
		byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
		p.write('X'); // BINUNICODE, 4-byte little-endian length
		p.write(key.length);
		p.write(0);
		p.write(0);
		p.write(0);
		p.writeBytes(key);
		p.write(0x89); // NEWFALSE
		p.write('u'); // SETITEMS
		p.write('b'); // BUILD
		p.write('.'); // STOP
		return p.toByteArray();
	}
}
