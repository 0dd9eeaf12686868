package dev.modeltest.archfixture.right;

import dev.modeltest.archfixture.left.Left;

/** The other half of a package cycle, for {@code ArchitectureTest}: right imports left. */
public final class Right {
    public Left left;
}
