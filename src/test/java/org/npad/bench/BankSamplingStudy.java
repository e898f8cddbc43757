package org.npad.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.npad.backbone.Backbone;
import org.npad.dataset.LabelledImage;
import org.npad.dataset.LabelledSet;
import org.npad.image.ImageFolder;
import org.npad.image.NetworkInput;
import org.npad.image.Preprocessor;
import org.npad.method.NpadModel;
import org.npad.method.PatchBank;
import org.npad.model.TrainedModel;
import org.npad.pipeline.FeatureSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the patch bank should keep nominal patches in proportion to how often they occur: a
 * coreset covers rare and common patches alike, so a rare nominal patch finds a close neighbour,
 * while a uniform sample keeps the density of the training patches and leaves rare ones farther
 * away. On MTD the uniform sample of 60000 localised better than its 6000-vector coreset
 * (docs/benchmarks.md); this compares banks of equal size, so equal cost, on one model, and
 * coresets larger than the model's, to see what a larger bank is worth.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code BankSamplingStudy model=FILE data=split.csv
 * [every=1] [sizes=6000] [coresets=] [pool=]}, the model trained with {@code patch_bank} (its coreset is the
 * first row); {@code coresets=20000} adds the coreset of 20000 from {@value PatchBank#CANDIDATES} times as many
 * uniform candidates, as training would make it with {@code patch_bank=20000}; {@code pool=N} draws every
 * coreset from a uniform sample of N candidates instead (N at least the number of training patches: from all
 * of them, as PatchCore does).
 */
public final class BankSamplingStudy {

	private BankSamplingStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		List<String> names = new ArrayList<>();
		try (NDManager owner = NDManager.newBaseManager()) {
			ScoredMaps scored = ScoredMaps.of(a, (trained, backbone) -> {
				NpadModel model = trained.model();
				if (model.patches() == null) throw new IllegalArgumentException(a.get("model") + " has no patch bank");
				List<NpadModel> variants = new ArrayList<>(List.of(model));
				names.add("coreset " + model.patches().size());
				for (String size : a.getOrDefault("sizes", "6000").split(",")) {
					if (size.isBlank()) continue;
					int n = Integer.parseInt(size);
					variants.add(withBank(model, sampledBank(trained, backbone, Path.of(a.get("data")), n, n, owner)));
					names.add("uniform " + size);
				}
				for (String size : a.getOrDefault("coresets", "").split(",")) {
					if (size.isBlank()) continue;
					int n = Integer.parseInt(size);
					int pool = a.containsKey("pool") ? Integer.parseInt(a.get("pool")) : n * PatchBank.CANDIDATES;
					variants.add(withBank(model, sampledBank(trained, backbone, Path.of(a.get("data")), pool, n, owner)));
					names.add("coreset " + size);
				}
				return variants;
			});
			for (int v = 0; v < names.size(); v++)
				System.out.printf(Locale.ROOT, "%-16s %s%n", names.get(v), scored.metrics(scored.maps.get(v), scored.scores.get(v)));
		}
	}

	private static NpadModel withBank(NpadModel model, PatchBank bank) {
		return new NpadModel(model.config(), model.channels(), model.height(), model.width(), model.trainingCount(),
				model.moduleA(), model.moduleB(), model.bank(), model.medianDistance(), bank);
	}

	/** The coreset of {@code size} from a uniform sample of {@code sampled} training patches (the sample itself if no larger). */
	private static PatchBank sampledBank(TrainedModel trained, Backbone backbone, Path data, int sampled, int size, NDManager owner) {
		Preprocessor preprocessor = new Preprocessor(trained.preprocessing());
		PatchBank.Sampler sampler = new PatchBank.Sampler(sampled, trained.model().config().seed());
		List<LabelledImage> training = LabelledSet.read(data).training();
		FeatureSource source = FeatureSource.of(backbone, trained.model(), owner);
		for (int from = 0; from < training.size(); from += 8) {
			List<float[]> batch = new ArrayList<>();
			int w = 0, h = 0;
			for (LabelledImage image : training.subList(from, Math.min(training.size(), from + 8))) {
				for (NetworkInput input : preprocessor.inputs(ImageFolder.read(image.image(), image.image().toString()).get(0).processor())) {
					batch.add(input.pixels());
					w = input.width();
					h = input.height();
				}
			}
			try (NDScope batchScope = new NDScope()) {
				sampler.add(source.features(batch, w, h).patches());
			}
		}
		long start = System.nanoTime();
		PatchBank bank = sampler.build(owner, size, taken -> {});
		System.out.printf(Locale.ROOT, "bank of %d from a sample of %d of %d patches (%.1f s)%n", size, sampled, sampler.seen(), (System.nanoTime() - start) / 1e9);
		return bank;
	}
}
