package dev.mynah.actions;

/** How much harm an action can do, which decides whether it runs only after the user confirms. */
public enum Risk {
    READ_ONLY("read-only"),
    REVERSIBLE("reversible"),
    DESTRUCTIVE("destructive"),
    OUTWARD_FACING("outward-facing");

    private final String id;

    Risk(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Destructive and outward-facing actions never run without an explicit yes. */
    public boolean needsConfirmation() {
        return this == DESTRUCTIVE || this == OUTWARD_FACING;
    }

    public static Risk fromId(String id) {
        for (Risk risk : values()) {
            if (risk.id.equals(id)) {
                return risk;
            }
        }
        throw new IllegalArgumentException("unknown risk \"" + id
                + "\"; use read-only, reversible, destructive or outward-facing");
    }
}
