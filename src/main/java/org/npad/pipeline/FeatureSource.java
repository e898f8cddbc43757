package org.npad.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.npad.backbone.Backbone;
import org.npad.backbone.FeatureExtractor;
import org.npad.method.ChannelProjection;
import org.npad.method.FeatureMaps;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;

import java.util.List;

/**
 * Network inputs in, feature maps out, on the backbone's device. The only place where image
 * arrays become tensors, so batching and device placement are decided once.
 */
public final class FeatureSource {

	private final NDManager manager;
	private final FeatureExtractor extractor;
	private final boolean patches;

	private FeatureSource(FeatureExtractor extractor, boolean patches, NDManager manager) {
		this.manager = manager;
		this.extractor = extractor;
		this.patches = patches;
	}

	/** All of the backbone's channels, without patch taps: what the counting channel rules look at. */
	public static FeatureSource allChannels(Backbone backbone, NDManager manager) {
		return new FeatureSource(new FeatureExtractor(backbone), false, manager);
	}

	/**
	 * What a configuration learns from and scores: the channels it reads, projected where its channel
	 * rule says so.
	 *
	 * @param channels as {@link NpadModel#channels()}
	 * @param patches  whether the patch taps of a patch bank come along
	 */
	public static FeatureSource of(Backbone backbone, NpadConfig config, int[] channels, boolean patches, NDManager manager) {
		FeatureExtractor extractor = config.channelRule().projects()
				? new FeatureExtractor(backbone, ChannelProjection.semiOrthogonal(channels.length, config.channels(), config.seed()), config.channels())
				: new FeatureExtractor(backbone, channels);
		return new FeatureSource(extractor, patches, manager);
	}

	/** What a trained model scores: its channels and, if it has a patch bank, the patch taps. */
	public static FeatureSource of(Backbone backbone, NpadModel model, NDManager manager) {
		return of(backbone, model.config(), model.channels(), model.patches() != null, manager);
	}

	public int channels() {
		return extractor.channels();
	}

	/**
	 * @param images planar RGB 3 x height x width arrays, values 0-255, all of one size
	 * @return N x C x height/4 x width/4 features and, if asked for, the patch taps, in the caller's manager
	 */
	public FeatureMaps features(List<float[]> images, int width, int height) {
		float[] batch = new float[images.size() * 3 * width * height];
		for (int i = 0; i < images.size(); i++) System.arraycopy(images.get(i), 0, batch, i * 3 * width * height, 3 * width * height);
		NDArray rgb = manager.create(batch, new Shape(images.size(), 3, height, width));
		FeatureMaps maps = patches ? maps(extractor.extractWithPatches(rgb)) : new FeatureMaps(extractor.extract(rgb), null);
		rgb.close();
		return maps;
	}

	private static FeatureMaps maps(NDList extracted) {
		return new FeatureMaps(extracted.get(0), extracted.get(1));
	}
}
