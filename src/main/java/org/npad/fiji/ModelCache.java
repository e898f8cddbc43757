package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.npad.backbone.BackboneIdentity;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The last model read, kept for the next command: a macro that runs Detect image by image would
 * otherwise read a model of up to gigabytes once per image. One model is kept; asking for another
 * file, or for the same file after it changed on disk, reads it anew, and the old model's memory is
 * freed as soon as no running command uses it any more.
 */
final class ModelCache {

	/** A model in use by one command; closing it hands it back. */
	static final class Lease implements AutoCloseable {
		private final Entry entry;
		private boolean closed;

		private Lease(Entry entry) {
			this.entry = entry;
		}

		TrainedModel model() {
			return entry.model;
		}

		@Override
		public void close() {
			if (closed) return;
			closed = true;
			release(entry);
		}
	}

	private record Key(Path file, long modified, long size, Device device) {
		static Key of(Path file, Device device) throws IOException {
			Path real = file.toAbsolutePath().normalize();
			return new Key(real, Files.getLastModifiedTime(real).toMillis(), Files.size(real), device);
		}
	}

	private static final class Entry {
		final Key key;
		final NDManager manager;
		final TrainedModel model;
		int users;
		boolean current = true;

		Entry(Key key, NDManager manager, TrainedModel model) {
			this.key = key;
			this.manager = manager;
			this.model = model;
		}
	}

	private static Entry latest;

	private ModelCache() {
	}

	/**
	 * The model in a file, read unless it is the one read last; the caller closes the lease.
	 *
	 * @param backbone the backbone it will be used with: a model of another backbone is refused
	 *                 from its header, before its arrays are read
	 */
	static synchronized Lease open(Path file, Device device, BackboneIdentity backbone) throws IOException {
		if (file == null) throw new IllegalArgumentException("the model file is missing");
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such model file");
		Key key = Key.of(file, device);
		if (latest != null && latest.key.equals(key)) latest.model.requireBackbone(backbone);
		else {
			Entry old = latest;
			latest = null;
			if (old != null) {
				old.current = false;
				closeIfUnused(old);
			}
			NDManager manager = NDManager.newBaseManager(device);
			try {
				latest = new Entry(key, manager, ModelFile.read(key.file(), manager, backbone));
			} catch (IOException | RuntimeException | OutOfMemoryError e) {
				manager.close();
				throw e;
			}
		}
		latest.users++;
		return new Lease(latest);
	}

	private static synchronized void release(Entry entry) {
		entry.users--;
		closeIfUnused(entry);
	}

	private static void closeIfUnused(Entry entry) {
		if (entry.users == 0 && !entry.current) {
			entry.model.close();
			entry.manager.close();
		}
	}
}
