package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Learns an {@link NpadModel} from nominal feature maps streamed in batches: memory holds the
 * model-sized statistics plus one batch, whatever the number of training images.
 */
public final class NpadTrainer implements AutoCloseable {

	/** Feature maps gathered before the statistics are updated. */
	static final int ACCUMULATE = 32;

	private final NpadConfig config;
	private final int[] channels;
	private final int height;
	private final int width;
	private final NDManager manager;
	private final FeatureAggregation aggregation;
	private final MomentAccumulator momentsA;
	private final MomentAccumulator momentsB;
	private final CentroidBank.Builder bank;
	private final PatchBank.Sampler patches;
	private final List<NDArray> pending = new ArrayList<>();
	private final PhaseTimes times = new PhaseTimes();
	private long pendingCount;
	private long count;

	/**
	 * @param channels the channel indices the model reads: d kept ones, or all where the rule projects them
	 * @param height   feature-map rows
	 * @param width    feature-map columns
	 */
	public NpadTrainer(NpadConfig config, int[] channels, int height, int width, NDManager parent) {
		if (!config.channelRule().projects() && channels.length != config.channels())
			throw new IllegalArgumentException(channels.length + " channel indices for d = " + config.channels());
		this.config = config;
		this.channels = channels.clone();
		this.height = height;
		this.width = width;
		this.manager = parent.newSubManager();
		this.aggregation = new FeatureAggregation(config.trainNeighbourhood());
		int p = height * width, d = config.channels();
		this.momentsA = NpadModel.needsModuleA(config) ? new MomentAccumulator(manager, p, d) : null;
		this.momentsB = NpadModel.needsModuleB(config) ? new MomentAccumulator(manager, p, d) : null;
		this.bank = NpadModel.needsBank(config) ? new CentroidBank.Builder(config, manager) : null;
		this.patches = NpadModel.needsPatches(config) ? new PatchBank.Sampler(PatchBank.CANDIDATES * config.patchBank(), config.seed()) : null;
	}

	/** Features without patch taps, for configurations without a patch bank. */
	public void add(NDArray features) {
		add(new FeatureMaps(features, null));
	}

	/**
	 * @param maps nominal features of the kept channels, N x d x H x W, and the patch taps where the
	 *             configuration keeps a patch bank. Features are buffered up to {@value #ACCUMULATE}
	 *             maps: updating the d x d sums costs a pass over the whole statistics whatever the
	 *             number of maps, so fewer, larger updates are much faster.
	 */
	public void add(FeatureMaps maps) {
		NDArray features = maps.kept();
		Shape s = features.getShape();
		if (s.dimension() != 4 || s.get(1) != config.channels() || s.get(2) != height || s.get(3) != width)
			throw new IllegalArgumentException("expected N x " + config.channels() + " x " + height + " x " + width
					+ " features, got " + s);
		if (patches != null) {
			if (maps.patches() == null || maps.patches().getShape().get(0) != s.get(0))
				throw new IllegalArgumentException("patch_bank = " + config.patchBank() + " needs the patch taps of every feature map");
			times.time("patch bank", () -> patches.add(maps.patches()));
		}
		NDArray copy = features.duplicate();
		copy.attach(manager);
		NDScope.unregister(copy);
		pending.add(copy);
		pendingCount += s.get(0);
		count += s.get(0);
		if (pendingCount >= ACCUMULATE) flush();
	}

	private void flush() {
		if (pending.isEmpty()) return;
		try (NDScope scope = new NDScope()) {
			NDArray features = pending.size() == 1 ? pending.get(0) : NDArrays.concat(new NDList(pending));
			if (momentsA != null) times.time("moments", () -> momentsA.add(FeatureLayout.positionMajor(features)));
			if (momentsB != null || bank != null) {
				NDArray phi = times.time("moments", () -> FeatureLayout.positionMajor(aggregation.apply(features)));
				if (momentsB != null) times.time("moments", () -> momentsB.add(phi));
				if (bank != null) times.time("centroid bank", () -> bank.add(phi));
			}
		}
		pending.forEach(NDArray::close);
		pending.clear();
		pendingCount = 0;
	}

	public long count() {
		return count;
	}

	/** Estimates the model, precisions in float32 as estimated; the trainer's statistics are released. */
	public NpadModel finish(NDManager owner) {
		return finish(owner, PrecisionFormat.FLOAT32, step -> {
		});
	}

	/**
	 * @param format     how the model holds its precisions: each module is converted as soon as it is
	 *                   estimated, so that module A's estimation, the longest step, runs beside module
	 *                   B's float16 precisions rather than its float32 ones (converting module B,
	 *                   beside both modules' float32 statistics, is then training's peak)
	 * @param beforeStep told the name of each step (module B inverses, neighbour weights, module A
	 *                   inverses, the banks) before it runs, and again now and then during the patch
	 *                   bank's coreset with how many vectors it chose: the finish takes minutes on
	 *                   large data sets, so a caller can show where it is and stop by throwing
	 */
	public NpadModel finish(NDManager owner, PrecisionFormat format, Consumer<String> beforeStep) {
		flush();
		if (count < 2)
			throw new IllegalStateException("at least 2 nominal feature maps are needed to estimate covariances, got " + count);
		PositionGaussians a = null, b = null;
		double median = Double.NaN;
		if (momentsB != null) b = step("module B inverses", beforeStep,
				() -> PositionGaussians.of(momentsB.finish(manager), config.covariance(), config.epsilon(), owner).in(format));
		if (momentsA != null) {
			PositionMoments moments = momentsA.finish(manager);
			if (config.trainNeighbourhood() == 1) {
				a = step("module A inverses", beforeStep, () -> PositionGaussians.of(moments, config.covariance(), config.epsilon(), owner).in(format));
			} else {
				NeighbourWeights weights = step("neighbour weights", beforeStep, () -> NeighbourWeights.estimate(moments, height, width, config));
				median = weights.medianDistance();
				a = step("module A inverses", beforeStep, () -> NeighbourWeightedGaussians.estimate(moments, weights, height, width,
						config.covariance(), config.epsilon(), owner).in(format));
			}
		}
		CentroidBank c = bank == null ? null : step("centroid bank", beforeStep, () -> bank.build(owner));
		PatchBank p = patches == null ? null : step("patch bank", beforeStep, () -> patches.build(owner, config.patchBank(),
				taken -> beforeStep.accept("patch bank, " + taken + " of " + config.patchBank() + " vectors chosen")));
		close();
		return new NpadModel(config, channels, height, width, count, a, b, c, median, p);
	}

	private <T> T step(String name, Consumer<String> beforeStep, Supplier<T> work) {
		beforeStep.accept(name);
		return times.time(name, work);
	}

	/** Time spent so far in each step: the moment updates, the centroid and patch banks and the finish's parts. */
	public PhaseTimes times() {
		return times;
	}

	@Override
	public void close() {
		manager.close();
	}
}
