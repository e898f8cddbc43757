package org.npad.pipeline;

import ai.djl.engine.EngineException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Running out of memory is something the user can fix (a smaller model, batch or image, more memory
 * for Fiji), not a bug, so it deserves a message instead of a stack trace. It arrives in two forms:
 * Java's {@link OutOfMemoryError} (heap: images, the patch sample) and the engine's
 * {@link EngineException} when libtorch cannot allocate a tensor, on the CPU or on a GPU; most of
 * N-pad's memory is libtorch's, outside the Java heap.
 */
public final class MemoryFailure {

	/** What libtorch's allocators say (CPU: "can't allocate memory", older "not enough memory"; CUDA: "out of memory"). */
	private static final List<String> ENGINE_WORDS = List.of("can't allocate memory", "not enough memory", "out of memory");
	private static final Pattern BYTES = Pattern.compile("allocate (\\d+) bytes");

	private MemoryFailure() {
	}

	/** Whether the failure, or one of its causes, is a failed allocation. */
	public static boolean is(Throwable failure) {
		return allocation(failure) != null;
	}

	/** The message for a failure that {@link #is} one: what failed to fit, and what to change. */
	public static String message(Throwable failure) {
		return "Out of memory (" + detail(failure) + "). Nothing was written. Close other images or programs, lower"
				+ " batch_size, use fewer channels (preset fast: 150), or run on a machine with more memory; a model of"
				+ " 550 channels needs several GB outside Fiji's Java heap, so do not give the heap all of the memory.";
	}

	/** The failed allocation among the failure and its causes, or null. */
	private static Throwable allocation(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof OutOfMemoryError) return t;
			if (t instanceof EngineException && t.getMessage() != null) {
				String text = t.getMessage().toLowerCase(Locale.ROOT);
				if (ENGINE_WORDS.stream().anyMatch(text::contains)) return t;
			}
		}
		return null;
	}

	private static String detail(Throwable failure) {
		Throwable t = allocation(failure);
		if (t == null) return failure.toString();
		if (t instanceof OutOfMemoryError) return "Java: " + t.getMessage();
		Matcher bytes = BYTES.matcher(t.getMessage());
		if (bytes.find()) return String.format(Locale.ROOT, "the engine could not allocate %.1f GB", Double.parseDouble(bytes.group(1)) / 1e9);
		return "the engine: " + t.getMessage().lines().findFirst().orElse("");
	}
}
