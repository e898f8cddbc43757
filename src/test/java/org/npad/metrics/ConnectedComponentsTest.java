package org.npad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.npad.metrics.ConnectedComponents.Region;

class ConnectedComponentsTest {

	private static final boolean T = true, F = false;

	@Test
	void eightConnectedRegionsInRasterOrder() {
		// 5 x 4        labels
		// 1 1 0 0 1    1 1 0 0 2
		// 0 0 1 0 1    0 0 1 0 2     (1,0)-(2,1) touch diagonally: one region
		// 0 0 0 0 0    0 0 0 0 0
		// 1 0 0 1 1    3 0 0 4 4
		boolean[] mask = {
				T, T, F, F, T,
				F, F, T, F, T,
				F, F, F, F, F,
				T, F, F, T, T};
		ConnectedComponents c = ConnectedComponents.of(mask, 5, 4);
		assertEquals(4, c.count());
		assertArrayEquals(new int[] {
				1, 1, 0, 0, 2,
				0, 0, 1, 0, 2,
				0, 0, 0, 0, 0,
				3, 0, 0, 4, 4}, c.labels());
		assertEquals(List.of(
				new Region(1, 3, 0, 0, 2, 1),
				new Region(2, 2, 4, 0, 4, 1),
				new Region(3, 1, 0, 3, 0, 3),
				new Region(4, 2, 3, 3, 4, 3)), c.regions());
		assertEquals(3, c.region(1).width());
		assertEquals(2, c.region(1).height());
		assertEquals(4, c.label(3, 3));
	}

	@Test
	void uShapeIsOneRegion() {
		// 1 0 1   both arms start as separate runs in the first row but join at the bottom
		// 1 0 1
		// 1 1 1
		ConnectedComponents c = ConnectedComponents.of(new boolean[] {T, F, T, T, F, T, T, T, T}, 3, 3);
		assertEquals(List.of(new Region(1, 7, 0, 0, 2, 2)), c.regions());
	}

	@Test
	void emptyAndFullMasks() {
		ConnectedComponents empty = ConnectedComponents.of(new boolean[6], 3, 2);
		assertEquals(0, empty.count());
		assertArrayEquals(new int[6], empty.labels());
		boolean[] full = {T, T, T, T, T, T};
		assertEquals(List.of(new Region(1, 6, 0, 0, 2, 1)), ConnectedComponents.of(full, 3, 2).regions());
	}

	@Test
	void byteMaskCountsNonZeroAsForeground() {
		byte[] mask = {(byte) 255, 0, 0, 0, 0, 1};
		ConnectedComponents c = ConnectedComponents.of(mask, 3, 2);
		assertEquals(List.of(new Region(1, 1, 0, 0, 0, 0), new Region(2, 1, 2, 1, 2, 1)), c.regions());
	}

	@Test
	void rejectsWrongSize() {
		assertThrows(IllegalArgumentException.class, () -> ConnectedComponents.of(new boolean[5], 3, 2));
		assertThrows(IllegalArgumentException.class, () -> ConnectedComponents.of(new boolean[0], 0, 0));
		ConnectedComponents c = ConnectedComponents.of(new boolean[] {T, F}, 2, 1);
		assertThrows(IllegalArgumentException.class, () -> c.region(2));
	}
}
