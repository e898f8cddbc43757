package org.npad.backbone;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests of tensor code get a fresh PyTorch CPU manager per test, closed after it, so no array outlives its test. */
abstract class CpuTensorTest {

	protected NDManager manager;

	@BeforeEach
	void openManager() {
		manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
	}

	@AfterEach
	void closeManager() {
		manager.close();
	}
}
