package org.npad.compute;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading ND4J, each case in a fresh JVM: what happens there cannot be undone in this one. */
class Nd4jRuntimeTest {

	/**
	 * A class path without the linux-x86_64 native jars, as on a platform ND4J's natives were not
	 * packaged for: both attempts get one message naming the cause, the property and the fallback.
	 */
	@Test
	void aMissingNativeBackendIsExplained() throws IOException, InterruptedException {
		String output = runJava(Nd4jLoadProbe.class, entry -> !Path.of(entry).getFileName().toString().contains("linux-x86_64"));
		List<String> attempts = output.lines().filter(line -> line.startsWith("attempt")).toList();
		assertEquals(2, attempts.size(), output);
		for (String attempt : attempts) {
			assertTrue(attempt.contains("ND4J's native backend could not load") && attempt.contains("-Dnpad.compute=nd4j needs")
					&& attempt.contains("unset npad.compute to use DJL"), attempt);
			assertFalse(attempt.contains("(null)"), attempt);
		}
		assertEquals(attempts.get(0).substring(attempts.get(0).indexOf(':')), attempts.get(1).substring(attempts.get(1).indexOf(':')));
	}

	/**
	 * ND4J loading after PyTorch must not break PyTorch's multi-threaded CPU inverse on the calling
	 * thread (it would never return; the probe is given two minutes).
	 */
	@Test
	void pyTorchStillInvertsAfterNd4jLoads() throws IOException, InterruptedException {
		String output = runJava(PyTorchAfterNd4jProbe.class, entry -> true);
		assertTrue(output.contains("inverse ok, same as before ND4J: true"), output);
	}

	/** Runs a main class of the test class path, filtered, with this JVM's DJL settings; returns its output. */
	private static String runJava(Class<?> main, Predicate<String> classPathEntry) throws IOException, InterruptedException {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(classPathEntry)
				.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
		for (String property : List.of("ai.djl.offline", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "PYTORCH_FLAVOR"))
			if (System.getProperty(property) != null) command.add("-D" + property + "=" + System.getProperty(property));
		command.addAll(List.of("-cp", classPath, main.getName()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		Thread reader = new Thread(() -> {
			try {
				output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			} catch (IOException e) {
				output.append(e);
			}
		});
		reader.start();
		boolean finished = process.waitFor(120, TimeUnit.SECONDS);
		if (!finished) process.destroyForcibly().waitFor();
		reader.join();
		assertTrue(finished, main.getSimpleName() + " did not finish within 120 s: " + output);
		assertEquals(0, process.exitValue(), output.toString());
		return output.toString();
	}
}
