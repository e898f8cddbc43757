package org.npad.image.sample;

/** The anomalies of the sample data, one class each in split.csv. */
enum DefectKind {
	/** A thin, slightly curved bright line: a tool or handling scratch. */
	SCRATCH("Scratch"),
	/** One to three small dark pits with a bright rim on one side: corrosion or blowholes. */
	PIT("Pit"),
	/** A dark, jagged, tapering line, sometimes branched. */
	CRACK("Crack"),
	/** A large, faint, irregular darker patch: residue or discoloration. */
	STAIN("Stain");

	private final String className;

	DefectKind(String className) {
		this.className = className;
	}

	/** The class name in split.csv and the folder name. */
	String className() {
		return className;
	}
}
