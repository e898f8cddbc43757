package org.npad.pipeline;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures from the real engine and the JVM, told apart from other errors. */
class MemoryFailureTest {

	@Test
	void aTensorLibtorchCannotAllocateIsAMemoryFailure() {
		try (NDManager m = NDManager.newBaseManager()) {
			// 2^50 floats = 2^52 bytes: beyond any machine's address space, so the allocation fails at once
			EngineException e = assertThrows(EngineException.class, () -> m.zeros(new Shape(1L << 50)));
			assertTrue(MemoryFailure.is(e), e.getMessage());
			String message = MemoryFailure.message(new IllegalStateException("while scoring", e));
			assertTrue(message.startsWith("Out of memory (the engine could not allocate 4503599.6 GB). Nothing was written."), message);
		}
	}

	@Test
	void otherEngineErrorsAreNot() {
		try (NDManager m = NDManager.newBaseManager()) {
			EngineException e = assertThrows(EngineException.class, () -> m.ones(new Shape(2, 3)).matMul(m.ones(new Shape(2, 3))));
			assertFalse(MemoryFailure.is(e), e.getMessage());
		}
	}

	@Test
	void theJavaHeapIsFoundAmongTheCauses() {
		RuntimeException wrapped = new RuntimeException("reading images", new OutOfMemoryError("Java heap space"));
		assertTrue(MemoryFailure.is(wrapped));
		assertTrue(MemoryFailure.message(wrapped).startsWith("Out of memory (Java: Java heap space)."));
		assertFalse(MemoryFailure.is(new IllegalArgumentException("out of memory is only a phrase here")));
	}
}
