package dev.modeltest.archfixture.left;

import dev.modeltest.archfixture.right.Right;

/** Half of a package cycle, for {@code ArchitectureTest}: left imports right. */
public final class Left {
    public Right right;
}
