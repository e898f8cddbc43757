package org.npad.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The checksum the ImageJ updater records for a jar and verifies after every download.
 * <p>
 * It is not the SHA-1 of the file: a jar rebuilt from the same sources differs in entry dates,
 * compression and manifest, and Fiji would call it a new version. So the updater digests the
 * entries instead: sorted by name ({@link String#compareTo}, so upper case before lower case), for
 * each the name in ASCII followed by its content, where
 * <ul>
 * <li>{@code .properties} entries lose their comment lines ({@link HashCommentFilter}), which hold
 * Maven's build date;</li>
 * <li>{@code META-INF/MANIFEST.MF} contributes no content at all. The updater's manifest filter is
 * meant to keep only the {@code Main-Class:} line, but it compares the upper-cased line with the
 * mixed-case {@code "Main-Class:"}, which never matches, so nothing is kept. Fiji's checksums are
 * computed that way, so this one is too.</li>
 * </ul>
 * The result is the lower-case hex SHA-1 of that stream (the updater's
 * {@code UpdaterUtil.getJarDigest(file)}, its current method; older methods are only accepted for
 * files already installed).
 */
public final class UpdaterChecksum {

	static final String MANIFEST = "META-INF/MANIFEST.MF";

	private UpdaterChecksum() {}

	public static String ofJar(Path jar) throws IOException {
		MessageDigest sha1 = sha1();
		try (JarFile file = new JarFile(jar.toFile())) {
			List<JarEntry> entries = new ArrayList<>(file.stream().toList());
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (JarEntry entry : entries) {
				sha1.update(entry.getName().getBytes(StandardCharsets.US_ASCII));
				digestContent(file, entry, sha1);
			}
		} catch (IOException e) {
			throw new IOException(jar + ": cannot be read as a jar for the updater's checksum: " + e.getMessage(), e);
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	private static void digestContent(JarFile file, JarEntry entry, MessageDigest sha1) throws IOException {
		if (entry.getName().equals(MANIFEST)) return;
		try (InputStream in = file.getInputStream(entry)) {
			if (entry.getName().endsWith(".properties")) {
				sha1.update(HashCommentFilter.apply(in.readAllBytes()));
				return;
			}
			// streamed: native libraries inside DJL's jars are hundreds of megabytes unpacked
			byte[] buffer = new byte[1 << 16];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				sha1.update(buffer, 0, n);
			}
		}
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-1", e);
		}
	}
}
