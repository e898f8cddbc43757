package org.npad.fiji;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.scijava.Context;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A command that runs out of memory ends cancelled with the advice, not with a stack trace. */
class MemoryFailureCommandTest {

	/** Asks libtorch for a tensor no machine can hold, as an oversized model or batch would. */
	static final class OversizedCommand extends NpadCommand {
		@Override
		protected void execute() {
			try (NDManager m = NDManager.newBaseManager()) {
				m.zeros(new Shape(1L << 50));
			}
		}
	}

	@Test
	void runningOutOfMemoryCancelsWithAdvice() {
		try (Context context = FijiTestSupport.context()) {
			OversizedCommand command = new OversizedCommand();
			context.inject(command);
			command.run();
			assertTrue(command.isCanceled());
			assertTrue(command.getCancelReason().startsWith("Out of memory (the engine could not allocate"), command.getCancelReason());
			assertTrue(command.getCancelReason().contains("batch_size"), command.getCancelReason());
		}
	}
}
