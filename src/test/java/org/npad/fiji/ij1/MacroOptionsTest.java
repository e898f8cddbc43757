package org.npad.fiji.ij1;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MacroOptionsTest {

	@Test
	void readsPairsBracketedValuesAndBareFlagsAsImageJRecordsThem() {
		MacroOptions o = MacroOptions.parse("folder=[/data/my images] recursive file_filter= crop=96 advanced=[top_k=5 crop=96] overwrite=true ");
		assertEquals(Map.of("folder", "/data/my images", "file_filter", "", "crop", "96", "advanced", "top_k=5 crop=96", "overwrite", "true"), o.values());
		assertEquals(Set.of("recursive"), o.flags());
		assertEquals(Map.of(), MacroOptions.parse(null).values());
	}

	@Test
	void refusesAnUnclosedBracket() {
		String message = assertThrows(IllegalArgumentException.class, () -> MacroOptions.parse("model_file=[/a b.npad")).getMessage();
		assertEquals("macro options: the value of 'model_file' opens '[' but never closes it", message);
	}
}
