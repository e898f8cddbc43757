package org.npad.fiji;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.scijava.Context;

import java.nio.file.Path;

/** The command tests that use the shared sample model: a headless context per test class, the model trained once per JVM. */
abstract class SampleModelTest {

	static Context context;
	static Path model;

	@BeforeAll
	static void startWithTheSampleModel() throws Exception {
		context = FijiTestSupport.context();
		model = FijiTestSupport.sampleModel();
	}

	@AfterAll
	static void disposeTheContext() {
		context.dispose();
	}
}
