package dev.mynah.supply;

import java.util.Objects;

/**
 * One pinned package from the npm registry: exact version plus the Subresource Integrity string
 * ({@code sha512-...}) its tarball must match.
 */
public record NpmPackage(String name, String version, String integrity) {
    public NpmPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("integrity must be a sha512 SRI string: " + integrity);
        }
    }

    public String spec() {
        return name + "@" + version;
    }

    /** The package name as one safe directory name ({@code @scope/pkg} becomes {@code scope+pkg}). */
    public String directoryName() {
        return name.replace("@", "").replace('/', '+');
    }
}
