package dev.mynah.supply;

/**
 * Build step: makes sure the host platform's pinned engine packages are in the user's cache, so that Mynah
 * starts offline afterwards. Exits non-zero with the fix in the message when a fetch fails.
 */
public final class FetchEngines {
    private FetchEngines() {
    }

    public static void main(String[] args) {
        Platform platform = Platform.current();
        PackageCache cache = PackageCache.forUser();
        for (Engine engine : Engine.values()) {
            try {
                Engine.Installed installed = engine.install(cache, platform);
                System.out.println("[mynah] " + engine.displayName() + " for " + platform.id() + ": "
                        + installed.libraryDirectory());
            } catch (PackageFetchException e) {
                System.err.println("[mynah] " + e.getMessage());
                throw new IllegalStateException("engine supply failed: " + engine.displayName(), e);
            }
        }
    }
}
