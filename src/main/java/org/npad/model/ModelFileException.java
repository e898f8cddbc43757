package org.npad.model;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be used as a model, with what is wrong with it in words a user can act on. */
public class ModelFileException extends IOException {

	private final transient Path file;

	public ModelFileException(Path file, String problem) {
		super(file + ": " + problem);
		this.file = file;
	}

	public ModelFileException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
		this.file = file;
	}

	public Path file() {
		return file;
	}
}
