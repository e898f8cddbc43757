package org.npad.compute;

import org.junit.jupiter.api.Test;
import org.npad.TemporaryProperty;

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
		try (TemporaryProperty unset = TemporaryProperty.set(ComputeBackend.PROPERTY, null)) {
			assertEquals(ComputeBackend.DJL, ComputeBackend.selected());
		}
		try (TemporaryProperty nd4j = TemporaryProperty.set(ComputeBackend.PROPERTY, "nd4j")) {
			assertInstanceOf(Nd4jInverse.class, BatchedInverse.selected());
		}
	}
}
