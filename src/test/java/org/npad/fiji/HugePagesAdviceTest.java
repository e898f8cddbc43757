package org.npad.fiji;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HugePagesAdviceTest {

	@Test
	void advisesOnlyLinuxCpuRunsStartedWithoutTheVariable() {
		String advice = HugePagesAdvice.of(Device.cpu(), "Linux", null);
		assertTrue(advice.contains("THP_MEM_ALLOC_ENABLE=1"), advice);
		assertTrue(advice.contains("docs/install.md"), "names where the reason is written: " + advice);
		assertNull(HugePagesAdvice.of(Device.cpu(), "Linux", "1"), "the variable is set");
		assertNull(HugePagesAdvice.of(Device.cpu(), "Linux", "0"), "the user chose to switch it off");
		assertNull(HugePagesAdvice.of(Device.cpu(), "Windows 11", null), "no transparent huge pages on Windows");
		assertNull(HugePagesAdvice.of(Device.cpu(), "Mac OS X", null));
		assertNull(HugePagesAdvice.of(Device.gpu(), "Linux", null), "GPU arrays do not live in pageable host memory");
	}
}
