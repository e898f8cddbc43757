package org.npad.fiji;

import ij.IJ;
import ij.ImageJ;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Label;
import java.awt.Window;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A real ImageJ 1 with its window, running one macro file and quitting: the child process of
 * ImageJ1MacroTest, started under a virtual display. ImageJ finds the N-pad commands through the
 * plugins.config in the plugins folder it is given (-Dplugins.dir), as an installation would.
 * Writes the macro's return value to the second argument's file. Nobody is there to close a
 * dialog, so one that opens (a macro error, a failing command) is printed and ends the process.
 */
public final class ImageJ1Session {

	private ImageJ1Session() {
	}

	public static void main(String[] args) throws Exception {
		Thread watchdog = new Thread(ImageJ1Session::failOnDialogs, "dialog watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		new ImageJ();
		String result = IJ.runMacroFile(args[0], "");
		Files.writeString(Path.of(args[1]), result == null ? "" : result);
		System.exit(0);
	}

	private static void failOnDialogs() {
		while (true) {
			for (Window w : Window.getWindows()) {
				if (w instanceof Dialog d && d.isShowing()) {
					StringBuilder text = new StringBuilder();
					texts(d, text);
					System.out.println("A dialog opened, which nobody can close here: '" + d.getTitle() + "'" + text);
					System.out.flush();
					Runtime.getRuntime().halt(2);
				}
			}
			try {
				Thread.sleep(300);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	/** The words of a dialog: labels, and the lines of ImageJ's MultiLineLabel (read reflectively; it has no getter). */
	private static void texts(Container c, StringBuilder out) {
		for (Component child : c.getComponents()) {
			if (child instanceof Label l) out.append('\n').append(l.getText());
			else if (child.getClass().getSimpleName().equals("MultiLineLabel")) {
				for (Field f : child.getClass().getDeclaredFields()) {
					if (f.getType() != String[].class) continue;
					try {
						f.setAccessible(true);
						out.append('\n').append(Arrays.toString((String[]) f.get(child)));
					} catch (ReflectiveOperationException | RuntimeException e) {
						out.append("\n(unreadable label)");
					}
				}
			}
			if (child instanceof Container inner) texts(inner, out);
		}
	}
}
