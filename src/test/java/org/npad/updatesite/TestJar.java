package org.npad.updatesite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small jar written entry by entry in the order given, with chosen entry dates and compression,
 * so tests control exactly what the updater's checksum sees and what it must ignore.
 */
final class TestJar {

	private final Map<String, byte[]> entries = new LinkedHashMap<>();
	private FileTime entryTime = FileTime.fromMillis(1_700_000_000_000L);
	private boolean stored;

	TestJar entry(String name, String content) {
		return entry(name, content.getBytes(StandardCharsets.UTF_8));
	}

	TestJar entry(String name, byte[] content) {
		entries.put(name, content);
		return this;
	}

	TestJar directory(String name) {
		return entry(name, new byte[0]);
	}

	TestJar entryTime(FileTime time) {
		entryTime = time;
		return this;
	}

	/** Stores entries uncompressed instead of deflating them: different bytes on disk, same entries. */
	TestJar stored() {
		stored = true;
		return this;
	}

	Path writeTo(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				ZipEntry entry = new ZipEntry(e.getKey());
				entry.setLastModifiedTime(entryTime);
				if (stored) {
					CRC32 crc = new CRC32();
					crc.update(e.getValue());
					entry.setMethod(ZipEntry.STORED);
					entry.setSize(e.getValue().length);
					entry.setCrc(crc.getValue());
				}
				zip.putNextEntry(entry);
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return file;
	}
}
