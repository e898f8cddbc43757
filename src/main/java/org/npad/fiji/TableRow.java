package org.npad.fiji;

import ij.measure.ResultsTable;
import org.npad.pipeline.CsvField;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A row of one of the commands' tables. The same columns go to an ImageJ table (where a macro reads
 * them with getResult / getResultString) and to a CSV file, so the two cannot drift apart.
 */
interface TableRow {

	/** The values in the table's column order: numbers, or text. */
	List<Object> values();

	/** Appends the row; numbers stay numbers, so a macro's getResult reads them. */
	static void addTo(ResultsTable table, List<String> columns, TableRow row) {
		List<Object> values = row.values();
		table.incrementCounter();
		for (int c = 0; c < columns.size(); c++) {
			if (values.get(c) instanceof Number n) table.addValue(columns.get(c), n.doubleValue());
			else table.addValue(columns.get(c), values.get(c).toString());
		}
	}

	/** The rows as CSV with a header line; numbers at full precision, text quoted where it needs it. */
	static void writeCsv(Path file, List<String> columns, List<? extends TableRow> rows) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(String.join(",", columns) + "\n");
			for (TableRow row : rows) {
				List<String> fields = row.values().stream().map(v -> v instanceof Number ? v.toString() : CsvField.of(v.toString())).toList();
				w.write(String.join(",", fields) + "\n");
			}
		}
	}
}
