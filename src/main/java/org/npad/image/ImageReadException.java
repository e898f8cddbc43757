package org.npad.image;

import java.nio.file.Path;

/** An image file or folder that cannot be used, with a message that names it and says what is wrong. */
public class ImageReadException extends RuntimeException {

	private final transient Path file;

	public ImageReadException(Path file, String problem) {
		super(file + ": " + problem);
		this.file = file;
	}

	public ImageReadException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
		this.file = file;
	}

	/** The file or folder at fault. */
	public Path file() {
		return file;
	}
}
