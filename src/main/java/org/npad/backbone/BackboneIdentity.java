package org.npad.backbone;

/**
 * What a model remembers of the network that made its features. Two backbones with the same name
 * but other weights give other features, so the weight hash is part of the identity.
 *
 * @param name         human-readable name, e.g. "keras-resnet50-imagenet"
 * @param weightSha256 hex SHA-256 over the weights as loaded
 */
public record BackboneIdentity(String name, String weightSha256) {
	public BackboneIdentity {
		if (name == null || name.isBlank()) throw new IllegalArgumentException("backbone name is empty");
		if (weightSha256 == null || weightSha256.isBlank()) throw new IllegalArgumentException("backbone weight hash is empty");
	}
}
