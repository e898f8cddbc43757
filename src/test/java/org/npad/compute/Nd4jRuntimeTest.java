package org.npad.compute;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Nd4jRuntimeTest {

	/**
	 * A JVM whose class path lacks the linux-x86_64 native jars, as on a platform ND4J's natives were
	 * not packaged for: both attempts get one message naming the cause, the property and the fallback.
	 */
	@Test
	void aMissingNativeBackendIsExplained() throws IOException, InterruptedException {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.filter(entry -> !Path.of(entry).getFileName().toString().contains("linux-x86_64"))
				.collect(Collectors.joining(File.pathSeparator));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process probe = new ProcessBuilder(java.toString(), "-cp", classPath, Nd4jLoadProbe.class.getName())
				.redirectErrorStream(true).start();
		String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(probe.waitFor(120, TimeUnit.SECONDS), output);
		assertEquals(0, probe.exitValue(), output);
		List<String> attempts = output.lines().filter(line -> line.startsWith("attempt")).toList();
		assertEquals(2, attempts.size(), output);
		for (String attempt : attempts) {
			assertTrue(attempt.contains("ND4J's native backend could not load") && attempt.contains("-Dnpad.compute=nd4j needs")
					&& attempt.contains("unset npad.compute to use DJL"), attempt);
			assertFalse(attempt.contains("(null)"), attempt);
		}
		assertEquals(attempts.get(0).substring(attempts.get(0).indexOf(':')), attempts.get(1).substring(attempts.get(1).indexOf(':')));
	}
}
