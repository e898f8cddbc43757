package org.npad.image;

import java.nio.file.Path;

/** An image file or folder that cannot be used, with a message that names it and says what is wrong. */
public class ImageReadException extends RuntimeException {

	private final transient Path file;
	private final String problem;

	public ImageReadException(Path file, String problem) {
		super(file + ": " + problem);
		this.file = file;
		this.problem = problem;
	}

	public ImageReadException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
		this.file = file;
		this.problem = problem;
	}

	/** The file or folder at fault. */
	public Path file() {
		return file;
	}

	/** What is wrong with it, without its name. */
	public String problem() {
		return problem;
	}
}
