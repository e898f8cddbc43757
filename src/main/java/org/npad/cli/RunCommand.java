package org.npad.cli;

import org.npad.fiji.CalibrateCommand;
import org.npad.fiji.DetectFolderCommand;
import org.npad.fiji.ModelInfoCommand;
import org.npad.fiji.TrainCommand;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.app.StatusService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a Fiji command headless from the shell, with its inputs as name=value (the names a recorded
 * macro line uses): the command line and Fiji are then one code path.
 *
 * <pre>scripts/npad train folder=sample-data/images/Free model_file=model.npad</pre>
 */
public final class RunCommand {

	private static final Map<String, Class<? extends Command>> COMMANDS = Map.of(
			"train", TrainCommand.class,
			"calibrate", CalibrateCommand.class,
			"detect", DetectFolderCommand.class,
			"info", ModelInfoCommand.class);

	private RunCommand() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !COMMANDS.containsKey(args[0]))
			throw new IllegalArgumentException("first argument must be one of " + COMMANDS.keySet());
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			if (eq <= 0) throw new IllegalArgumentException("inputs are name=value, got '" + args[i] + "'");
			inputs.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		System.setProperty("java.awt.headless", "true");
		try (Context context = new Context(CommandService.class, StatusService.class)) {
			CommandModule module = context.service(CommandService.class).run(COMMANDS.get(args[0]), true, inputs).get();
			if (module.isCanceled()) {
				System.err.println(args[0] + ": " + module.getCancelReason());
				System.exit(1);
			}
			module.getOutputs().forEach((name, value) -> {
				if (value instanceof String text) System.out.println(text);
			});
		}
	}
}
