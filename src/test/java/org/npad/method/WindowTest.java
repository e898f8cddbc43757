package org.npad.method;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowTest {

	@Test
	void oddWindowIsCentred() {
		Window w = new Window(3);
		assertArrayEquals(new int[] {-1, -1}, w.offsets().get(0));
		assertArrayEquals(new int[] {1, 1}, w.offsets().get(8));
		assertEquals(4, w.centreIndex());
	}

	@Test
	void evenWindowLeansToBottomRight() {
		Window w = new Window(2);
		assertArrayEquals(new int[] {0, 0}, w.offsets().get(0));
		assertArrayEquals(new int[] {1, 1}, w.offsets().get(3));
		assertEquals(0, w.centreIndex());
	}

	@Test
	void neighbourTableLeavesOutsidePositionsOut() {
		// 2 x 2 map, window 2: position 3 (bottom right) has only itself inside
		int[] t = new Window(2).neighbourTable(2, 2);
		assertArrayEquals(new int[] {0, 1, 2, 3}, java.util.Arrays.copyOfRange(t, 0, 4));
		assertArrayEquals(new int[] {3, -1, -1, -1}, java.util.Arrays.copyOfRange(t, 12, 16));
	}
}
