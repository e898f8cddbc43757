package org.npad.compute;

/** Run in a JVM without ND4J's natives by {@link Nd4jRuntimeTest}: prints what the user would read. */
public final class Nd4jLoadProbe {

	public static void main(String[] args) {
		for (int attempt = 1; attempt <= 2; attempt++) {
			try {
				Nd4jRuntime.require();
				System.out.println("attempt " + attempt + ": loaded");
			} catch (IllegalStateException e) {
				System.out.println("attempt " + attempt + ": " + e.getMessage());
			}
		}
	}
}
