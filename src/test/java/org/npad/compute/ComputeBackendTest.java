package org.npad.compute;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeBackendTest {

	@Test
	void namesAreCaseAndSpaceInsensitive() {
		assertEquals(ComputeBackend.DJL, ComputeBackend.parse("djl"));
		assertEquals(ComputeBackend.ND4J, ComputeBackend.parse(" ND4J "));
		assertInstanceOf(Nd4jInverse.class, ComputeBackend.ND4J.inverse());
		assertInstanceOf(DjlInverse.class, ComputeBackend.DJL.inverse());
	}

	@Test
	void anUnknownNameSaysWhatIsAccepted() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeBackend.parse("cuda"));
		assertTrue(e.getMessage().contains("-Dnpad.compute=cuda") && e.getMessage().contains("[djl, nd4j]"), e.getMessage());
	}

	@Test
	void thePropertyChoosesAndDjlIsTheDefault() {
		String before = System.getProperty(ComputeBackend.PROPERTY);
		try {
			System.clearProperty(ComputeBackend.PROPERTY);
			assertEquals(ComputeBackend.DJL, ComputeBackend.selected());
			System.setProperty(ComputeBackend.PROPERTY, "nd4j");
			assertInstanceOf(Nd4jInverse.class, BatchedInverse.selected());
		} finally {
			if (before == null) System.clearProperty(ComputeBackend.PROPERTY);
			else System.setProperty(ComputeBackend.PROPERTY, before);
		}
	}
}
